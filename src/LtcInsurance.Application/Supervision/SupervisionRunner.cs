using System.Text.Json;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Supervision;

/// <summary>What a supervision run examined and raised.</summary>
/// <param name="Months">Service months examined (<c>YYYY-MM</c>).</param>
/// <param name="Lines">Claim lines examined.</param>
/// <param name="Found">Findings of the rules (new and already flagged).</param>
/// <param name="Raised">New flags, by rule code.</param>
public sealed record SupervisionRunResult(IReadOnlyList<string> Months, int Lines, int Found, IReadOnlyDictionary<string, int> Raised)
{
    public int RaisedTotal => Raised.Values.Sum();
}

/// <summary>
/// Runs the anomaly rules (<see cref="AnomalyRules"/>) for the current tenant: reads the facts of the months, reads the
/// city's thresholds, screens, and stores each finding not flagged before as an <see cref="AnomalyFlag"/> (a finding's
/// key makes a repeated run raise nothing new). Shared by the submission hook, the nightly job and the CLI.
/// </summary>
internal sealed class SupervisionRunner(ILtcDbContext db, ISupervisionReader reader, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Months of a provider's own history its month is compared with.</summary>
    public const int HistoryMonths = 12;

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="onlyClaim">Keep only findings about this claim (the submission hook).</param>
    public async Task<SupervisionRunResult> RunAsync(IReadOnlyList<DateOnly> months, Guid? onlyClaim, string source, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var settings = await SettingsAsync(tenant, months.Max(), cancellationToken);
        var facts = await reader.ReadAsync(months, HistoryMonths, cancellationToken);
        var findings = AnomalyRules.Screen(facts, settings);
        if (onlyClaim is { } claim)
            findings = [.. findings.Where(f => f.ClaimId == claim)];

        var keys = findings.Select(f => f.Key).ToList();
        var known = (await db.Set<AnomalyFlag>().AsNoTracking().Where(f => keys.Contains(f.Fingerprint)).Select(f => f.Fingerprint)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var by = user.Name();
        var raised = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings.Where(f => !known.Contains(f.Key)))
        {
            var rule = AnomalyRules.Find(finding.RuleCode)!;
            db.Set<AnomalyFlag>().Add(AnomalyFlag.Raise(tenant, rule, finding, JsonSerializer.Serialize(finding.Evidence, Json), source, by, now));
            raised[finding.RuleCode] = raised.GetValueOrDefault(finding.RuleCode) + 1;
        }

        if (raised.Count > 0)
            await db.SaveChangesAsync(cancellationToken);
        return new SupervisionRunResult([.. months.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))],
            facts.Lines.Count, findings.Count, raised);
    }

    /// <summary>The city's thresholds on <paramref name="on"/> (the shipped supervision defaults unless an admin changed them).</summary>
    public async Task<SupervisionSettings> SettingsAsync(string tenant, DateOnly on, CancellationToken cancellationToken)
    {
        var provider = await engine.ParametersAsync(tenant, null, cancellationToken);
        var scope = new ParameterScope(provider, tenant, new Dictionary<string, object?>());
        var d = SupervisionSettings.Default;
        decimal Read(string name, decimal fallback)
        {
            try
            {
                return Convert.ToDecimal(scope.Get(name, on).Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (PolicyException)
            {
                return fallback; // a city module that does not declare the setting: the product's default
            }
        }

        return new SupervisionSettings(
            Read(CommonParameters.SupervisionOutlierZ, d.OutlierZ),
            (int)Read(CommonParameters.SupervisionOutlierMinimumPoints, d.OutlierMinimumPoints),
            (int)Read(CommonParameters.SupervisionWorkerBeneficiariesPerDay, d.WorkerBeneficiariesPerDay),
            (int)Read(CommonParameters.SupervisionAssessorMinimumCases, d.AssessorMinimumCases),
            Read(CommonParameters.SupervisionAssessorSameLevelShare, d.AssessorSameLevelShare),
            (int)Read(CommonParameters.SupervisionReviewLevelJump, d.ReviewLevelJump));
    }

    /// <summary>The service months a scheduled run examines: the current month and the two before it (claims arrive in M+1).</summary>
    public static IReadOnlyList<DateOnly> RecentMonths(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        return [first.AddMonths(-2), first.AddMonths(-1), first];
    }
}
