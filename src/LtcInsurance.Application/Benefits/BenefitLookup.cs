using System.Text.Json;
using System.Text.Json.Serialization;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Benefits;

/// <summary>Loads the entitlement path's rows (current tenant only), reads the engine's rules and writes their trace.</summary>
internal static class BenefitLookup
{
    private static readonly JsonSerializerOptions TraceOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Tenant(ILtcDbContext db) =>
        db.CurrentTenantId ?? throw new BusinessRuleViolationException(new BenefitRule("no_tenant", "", "当前用户未选择城市", true));

    public static async Task<BenefitEntitlement> EntitlementAsync(ILtcDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var entitlement = await db.Set<BenefitEntitlement>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        BenefitRule.Check(entitlement is null, BenefitCodes.EntitlementNotFound, BenefitClauses.Handling, "未找到该待遇资格");
        return entitlement!;
    }

    public static async Task<InsuredPerson> PersonAsync(ILtcDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var person = await db.InsuredPeople.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        BenefitRule.Check(person is null, BenefitCodes.PersonNotFound, BenefitClauses.Handling, "未找到该参保人员");
        return person!;
    }

    /// <summary>A policy refusal (unset figure, a rule's refusal) as a business-rule refusal for the pages.</summary>
    public static BusinessRuleViolationException Refusal(PolicyException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new BusinessRuleViolationException(new BenefitRule(e.Code, "", e.Message, true));
    }

    /// <summary>Runs the engine's rules, turning a policy refusal into a business-rule refusal.</summary>
    public static async Task<T> RunAsync<T>(IPolicyEngine engine, string tenant, Func<PolicyCalculator, T> rules, CancellationToken cancellationToken)
    {
        try
        {
            var calculator = await engine.ForTenantAsync(tenant, null, cancellationToken);
            return rules(calculator);
        }
        catch (PolicyException e)
        {
            throw Refusal(e);
        }
    }

    /// <summary>The trace steps as stored with an entitlement (rule, clause, parameters with their values and sources, inputs, result).</summary>
    public static string TraceJson(IEnumerable<TraceStep> steps) =>
        JsonSerializer.Serialize(
            new
            {
                steps = steps.Select(t => new
                {
                    t.Rule, t.Clause, t.Description, Parameters = t.Parameters.Select(Parameter), t.Inputs, t.Result,
                }),
            },
            TraceOptions);

    /// <summary>The stored trace with the steps of a later rule (the entitlement's end) added under <paramref name="key"/>.</summary>
    public static string AppendTrace(string stored, string key, IEnumerable<TraceStep> steps)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(stored) as System.Text.Json.Nodes.JsonObject ?? [];
        root[key] = System.Text.Json.Nodes.JsonNode.Parse(TraceJson(steps));
        return root.ToJsonString(TraceOptions);
    }

    private static object Parameter(ResolvedParameter p) =>
        new { p.Name, p.Clause, p.Unit, p.Value, p.EffectiveFrom, p.Source, p.Version };

    /// <summary>
    /// The service modes a city's document sets up, read from the vocabulary's clauses (each mode names the clauses of the
    /// cities that have it: ZJ, SS, JN, YZ, YL).
    /// </summary>
    public static IReadOnlyList<ServiceMode> CityModes(string tenant)
    {
        var prefix = tenant switch
        {
            TenantIds.Zhenjiang => "ZJ ",
            TenantIds.Shishi => "SS ",
            TenantIds.Jining => "JN ",
            TenantIds.Yuzhong => "YZ ",
            TenantIds.Yulin => "YL ",
            _ => null,
        };
        return prefix is null
            ? []
            : [.. ServiceModes.Terms.Terms.Where(t => t.Clause.Contains(prefix, StringComparison.Ordinal)).Select(t => t.Value)];
    }

    /// <summary>The person's enrolment as the engine reads it (first day, gaps between periods) for the waiting period.</summary>
    public static async Task<Enrolment?> EnrolmentAsync(ILtcDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var periods = await db.EnrollmentPeriods.AsNoTracking().Where(p => p.PersonId == personId)
            .OrderBy(p => p.StartDate).Select(p => new { p.StartDate, p.EndDate }).ToListAsync(cancellationToken);
        if (periods.Count == 0)
            return null;
        var gaps = new List<EnrolmentGap>();
        for (var i = 1; i < periods.Count; i++)
        {
            if (periods[i - 1].EndDate is { } end && periods[i].StartDate > end.AddDays(1))
                gaps.Add(new EnrolmentGap(end.AddDays(1), periods[i].StartDate.AddDays(-1)));
        }

        return new Enrolment(periods[0].StartDate, gaps, false);
    }

    /// <summary>The confirmed on-site record that concluded <paramref name="applicationId"/>.</summary>
    public static Task<OnSiteAssessment?> ConcludingRecordAsync(ILtcDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        db.Set<OnSiteAssessment>().AsNoTracking()
            .Where(r => r.ApplicationId == applicationId && r.SecondConfirmedBy != null)
            .OrderByDescending(r => r.SecondConfirmedOn).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The level's label, or for an instrument without levels (Barthel) its totals.</summary>
    public static string LevelLabel(OnSiteAssessment record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.LevelLabel is { } label)
            return label;
        var totals = JsonSerializer.Deserialize<Dictionary<string, int>>(record.Totals) ?? [];
        var text = $"{record.Instrument} {string.Join(" ", totals.Select(t => t.Value))}";
        return text.Length > 32 ? text[..32] : text;
    }

    public static bool IsSevere(string? levelLabel) => levelLabel?.StartsWith("重度", StringComparison.Ordinal) == true;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
