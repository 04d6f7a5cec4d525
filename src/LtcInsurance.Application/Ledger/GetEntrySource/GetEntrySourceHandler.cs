using System.Globalization;
using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies.Parameters;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.GetEntrySource;

/// <summary>
/// Finds a bill an entry booked. The billing run writes the entry's sequence on each bill, so a bill is found by it: the
/// one asked for, if the entry booked it, or else the entry's bill when it booked exactly one (an older run booked one
/// entry per bill; a run now books one per region and batch, listed by ListEntryBills). Both tables are tenant-filtered
/// (and row-level secured), so another city's bill is never found.
/// </summary>
internal sealed class GetEntrySourceHandler(ILtcDbContext db) : IRequestHandler<GetEntrySourceQuery, BillSourceView?>
{
    public async Task<BillSourceView?> Handle(GetEntrySourceQuery request, CancellationToken cancellationToken)
    {
        var sequence = request.Sequence.Value;
        var query = db.ContributionBills.AsNoTracking().Include(b => b.Lines).Where(b => b.JournalSequence == sequence);
        if (request.Bill is { } asked)
            query = query.Where(b => b.Id == asked.Value);
        var found = await query.OrderBy(b => b.Id).Take(2).ToListAsync(cancellationToken);
        if (found.Count != 1)
            return null;
        var bill = found[0];
        var personName = await db.InsuredPeople.AsNoTracking().Where(p => p.Id == bill.PersonId)
            .Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        // The trace names the stored version each parameter came from; a demo version (演示值) is marked as such.
        var demo = (await db.Set<StoredParameterVersion>().AsNoTracking().Where(v => v.Demo)
                .Select(v => new { v.Name, v.Version }).ToListAsync(cancellationToken))
            .Select(v => (v.Name, v.Version)).ToHashSet();
        var steps = TraceSteps(bill.Trace).Select(step => step with
        {
            Parameters = [.. step.Parameters.Select(p => p.Version is { } version && demo.Contains((p.Name, version)) ? p with { Demo = true } : p)],
        }).ToList();
        return new BillSourceView(new BillId(bill.Id), bill.Period, new PersonId(bill.PersonId), personName, bill.Scheme,
            bill.RegionCode, bill.Total, bill.IndividualDue,
            [.. bill.Lines.OrderBy(l => l.Payer, StringComparer.Ordinal).Select(l => new BillLineView(l.Payer, l.Amount))],
            steps);
    }

    /// <summary>Reads the trace as the billing run stored it (camelCase JSON: steps with rule, clause, parameters, inputs, result).</summary>
    internal static IReadOnlyList<TraceStepView> TraceSteps(string traceJson)
    {
        if (string.IsNullOrWhiteSpace(traceJson))
            return [];
        using var document = JsonDocument.Parse(traceJson);
        if (!document.RootElement.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
            return [];
        return [.. steps.EnumerateArray().Select(step => new TraceStepView(
            Text(step, "rule"),
            Text(step, "clause"),
            Text(step, "description"),
            step.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array
                ? [.. parameters.EnumerateArray().Select(p => new TraceParameterView(
                    Text(p, "name"), Text(p, "clause"), Text(p, "unit"), Text(p, "value"), Text(p, "effectiveFrom"), Text(p, "source"),
                    p.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number ? version.GetInt32() : null))]
                : [],
            Pairs(step, "inputs"),
            Pairs(step, "result")))];
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? Text(value) : "";

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        _ => value.GetRawText(),
    };

    private static List<KeyValuePair<string, string>> Pairs(JsonElement element, string property) =>
        element.TryGetProperty(property, out var obj) && obj.ValueKind == JsonValueKind.Object
            ? [.. obj.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, Text(p.Value)))]
            : [];
}
