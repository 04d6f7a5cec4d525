using System.Globalization;
using System.Text;
using System.Text.Json;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Claims;

/// <summary>A claim line as the bulk settlement reads it (no tracking).</summary>
internal sealed record BulkLine(Guid Id, Guid ClaimId, int LineNo, Guid PersonId, Guid EntitlementId, string ServiceMode, DateOnly Day,
    string Category, string ItemCode, decimal Amount);

/// <summary>A final (approved or paid, not recovered) line the settlement counts as already settled.</summary>
internal sealed record FinalLine(Guid PersonId, Guid EntitlementId, DateOnly Day, string Category, string ItemCode, decimal Amount, decimal Fund,
    int LineNo, DateTimeOffset? ApprovedAt, Guid ClaimId);

/// <summary>What one claim's bulk settlement gives: its lines' results and its settlements (one per beneficiary and entitlement).</summary>
internal sealed record BulkClaimSettlement(IReadOnlyList<SettledLine> Lines, IReadOnlyList<ClaimSettlement> Settlements, decimal Billed, decimal Fund);

/// <summary>
/// <see cref="ClaimSettler"/>'s settlement of many claims of one tenant, through the engine's bulk path: the same groups
/// (person id, then entitlement start), the same order of lines (day, line number), the same "already settled" (final
/// lines in approval order, <see cref="ClaimSettlementMath"/>), the same amounts; but each month's parameters are resolved
/// once (<see cref="PolicyCalculator.PrepareSettlement"/>) and the trace is compact: the rules and parameters a service
/// mode and level use are evaluated once with the traced engine and shared (written into each settlement as the same
/// text), the settlement adds its own inputs (window, level, year-to-date, earlier lines), its result and reductions, and
/// each line's amount, fund and reason. The claims are settled one after the other in the caller's order; a claim the
/// caller marks final (<see cref="Approved"/>) counts as already settled for the claims after it, as an approval does.
/// </summary>
internal sealed class ClaimBulkSettler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly PolicyCalculator _calculator;
    private readonly string _tenant;
    private readonly IReadOnlyDictionary<Guid, BenefitEntitlement> _entitlements;
    private readonly ILookup<Guid, HospitalStay> _stays;
    private readonly Dictionary<Guid, List<FinalLine>> _final;
    private readonly Dictionary<Month, SettlementSession> _sessions = [];
    private readonly Dictionary<(Month, ServiceMode, int?, int?), string> _shared = [];

    public ClaimBulkSettler(PolicyCalculator calculator, string tenant, IReadOnlyDictionary<Guid, BenefitEntitlement> entitlements,
        ILookup<Guid, HospitalStay> stays, IEnumerable<FinalLine> finalLines)
    {
        _calculator = calculator;
        _tenant = tenant;
        _entitlements = entitlements;
        _stays = stays;
        _final = finalLines.GroupBy(l => l.PersonId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Settles <paramref name="lines"/> (all of one claim); a refusal of the engine is thrown as the claim's refusal.</summary>
    public BulkClaimSettlement Settle(Claim claim, int? providerLevel, IReadOnlyList<BulkLine> lines, DateTimeOffset now)
    {
        var month = claim.Month;
        var session = Session(month);
        var settled = new List<SettledLine>(lines.Count);
        var settlements = new List<ClaimSettlement>();
        var groups = lines
            .GroupBy(l => (l.PersonId, l.EntitlementId))
            .OrderBy(g => g.Key.PersonId).ThenBy(g => _entitlements[g.Key.EntitlementId].From);
        foreach (var group in groups)
        {
            var entitlement = _entitlements[group.Key.EntitlementId];
            var mode = ServiceModes.Terms.Parse(entitlement.ServiceMode, "服务方式");
            var own = group.OrderBy(l => l.Day).ThenBy(l => l.LineNo).ToList();
            var personFinal = _final.TryGetValue(group.Key.PersonId, out var known) ? known : [];
            var earlier = personFinal
                .Where(l => l.ClaimId != claim.Id && l.EntitlementId == group.Key.EntitlementId && month.Contains(l.Day))
                .OrderBy(l => l.ApprovedAt).ThenBy(l => l.ClaimId).ThenBy(l => l.Day).ThenBy(l => l.LineNo).ToList();
            var yearToDate = personFinal
                .Where(l => l.ClaimId != claim.Id && l.Day.Year == month.Year && !(l.EntitlementId == group.Key.EntitlementId && month.Contains(l.Day)))
                .Sum(l => l.Fund);
            var earlierFund = earlier.Sum(l => l.Fund);
            var input = new SettlementInput(
                month,
                new Beneficiary(entitlement.Level, ClaimLookup.PaysFrom(entitlement), entitlement.To, yearToDate),
                mode,
                providerLevel,
                [.. earlier.Select(l => new ServiceLine(l.Day, l.Category, l.ItemCode, l.Amount)),
                 .. own.Select(l => new ServiceLine(l.Day, l.Category, l.ItemCode, l.Amount))],
                [.. _stays[group.Key.PersonId]]);
            SettlementResult result;
            try
            {
                result = session.Settle(input);
            }
            catch (PolicyException e)
            {
                throw ClaimLookup.Refusal(e);
            }

            var shares = ClaimSettlementMath.NewLines(result, earlier.Count, earlierFund, [.. own.Select(l => l.Amount)]);
            for (var i = 0; i < own.Count; i++)
                settled.Add(new SettledLine(own[i].Id, shares[i].Fund, shares[i].Individual, shares[i].Rejected));

            var billed = own.Sum(l => l.Amount);
            var fund = shares.Sum(s => s.Fund);
            settlements.Add(new ClaimSettlement
            {
                TenantId = _tenant, ClaimId = claim.Id, PersonId = group.Key.PersonId, EntitlementId = group.Key.EntitlementId,
                ServiceMode = entitlement.ServiceMode, YearToDateBefore = yearToDate, EarlierInMonth = earlierFund,
                Billed = billed, Fund = fund, Individual = billed - fund,
                Reductions = string.Join(";", result.Reductions.Select(r => FormattableString.Invariant($"{r.Reason}={r.Amount:0.00}"))),
                Trace = Trace(Shared(month, input), input, result, earlier.Count, earlierFund, own, shares), SettledAt = now,
            });
        }

        return new BulkClaimSettlement(settled, settlements, settlements.Sum(s => s.Billed), settlements.Sum(s => s.Fund));
    }

    /// <summary>The claim is final now (approved): its lines count as already settled for the claims settled after it.</summary>
    public void Approved(Claim claim, IReadOnlyList<BulkLine> lines, IReadOnlyList<SettledLine> settled)
    {
        var funds = settled.ToDictionary(s => s.Id, s => s.Fund);
        foreach (var line in lines)
        {
            if (!_final.TryGetValue(line.PersonId, out var list))
                _final[line.PersonId] = list = [];
            list.Add(new FinalLine(line.PersonId, line.EntitlementId, line.Day, line.Category, line.ItemCode, line.Amount, funds[line.Id],
                line.LineNo, claim.ApprovedAt, claim.Id));
        }
    }

    private SettlementSession Session(Month month)
    {
        if (!_sessions.TryGetValue(month, out var session))
        {
            try
            {
                _sessions[month] = session = _calculator.PrepareSettlement(_tenant, month, asOf: month.LastDay); // the date the traced path uses
            }
            catch (PolicyException e)
            {
                throw ClaimLookup.Refusal(e);
            }
        }

        return session;
    }

    /// <summary>
    /// The part of the trace every settlement of a month, mode, level and provider level shares: the rules the traced
    /// engine applies and the parameters it reads (name, value, clause, source, version), from one traced evaluation.
    /// </summary>
    private string Shared(Month month, SettlementInput input)
    {
        var key = (month, input.ServiceMode, input.Beneficiary.Level, input.ProviderMedicalInstitutionLevel);
        if (_shared.TryGetValue(key, out var text))
            return text;
        PolicyEvaluation evaluation;
        try
        {
            evaluation = _calculator.Evaluate(new PolicyCase(CaseKinds.Settlement, _tenant, month.LastDay, input, new Dictionary<string, object?>()));
        }
        catch (PolicyException e)
        {
            throw ClaimLookup.Refusal(e);
        }

        text = JsonSerializer.Serialize(new
        {
            rules = evaluation.Trace.Select(t => new { t.Rule, t.Clause, t.Description }).DistinctBy(t => t.Rule),
            parameters = evaluation.ParametersUsed.Select(p => new { p.Name, p.Clause, p.Unit, p.Value, p.EffectiveFrom, p.Source, p.Version }),
        }, Json);
        _shared[key] = text;
        return text;
    }

    private static string Trace(string shared, SettlementInput input, SettlementResult result, int earlierCount, decimal earlierFund,
        IReadOnlyList<BulkLine> own, IReadOnlyList<ClaimSettlementMath.LineShare> shares)
    {
        var inputs = JsonSerializer.Serialize(new
        {
            month = input.Month.ToString(), mode = input.ServiceMode.ToString(), level = input.Beneficiary.Level,
            paysFrom = input.Beneficiary.EntitledFrom, paysTo = input.Beneficiary.EntitledTo,
            yearToDateFund = input.Beneficiary.YearToDateFundPaid, providerLevel = input.ProviderMedicalInstitutionLevel,
            hospitalStays = input.HospitalStays.Select(s => new { s.Admitted, s.Discharged }),
            earlierLines = earlierCount, earlierFund,
        }, Json);
        var outcome = JsonSerializer.Serialize(new
        {
            billed = result.Billed, fundPays = result.FundPays, reductions = result.Reductions.Select(r => new { r.Reason, r.Amount }),
        }, Json);
        var text = new StringBuilder(shared.Length + inputs.Length + outcome.Length + 48 * own.Count + 200);
        text.Append("{\"engine\":\"SettlementSession\",\"shared\":").Append(shared)
            .Append(",\"inputs\":").Append(inputs)
            .Append(",\"result\":").Append(outcome)
            .Append(",\"lineColumns\":[\"lineNo\",\"day\",\"category\",\"amount\",\"fund\",\"individual\",\"reason\"],\"lines\":[");
        for (var i = 0; i < own.Count; i++)
        {
            if (i > 0)
                text.Append(',');
            var line = own[i];
            var share = shares[i];
            text.Append(CultureInfo.InvariantCulture,
                $"[{line.LineNo},\"{line.Day:yyyy-MM-dd}\",{JsonSerializer.Serialize(line.Category, Json)},{line.Amount:0.00},{share.Fund:0.00},{share.Individual:0.00},");
            text.Append(share.Rejected is null ? "null" : JsonSerializer.Serialize(share.Rejected, Json)).Append(']');
        }

        return text.Append("]}").ToString();
    }
}
