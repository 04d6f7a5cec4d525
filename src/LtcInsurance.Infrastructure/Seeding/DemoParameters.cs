using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Seeding;

/// <summary>
/// Demonstration values (演示值) for the figures the documents leave to local rules, so that every city's demo can bill
/// and the calculator can settle. Each is an approved <see cref="StoredParameterVersion"/> with <c>demo = true</c>,
/// proposed and approved under the demo seeder's names, in force from the scheme start; the pages show it marked 演示值.
/// Development seeding only (<c>Ltc:SeedDemoData</c>): a production database never gets one. Idempotent: a parameter
/// that already has any stored version (demo or set by an admin) is left alone.
/// </summary>
public static class DemoParameters
{
    public const string ProposedBy = "demo-seeder";
    public const string DecidedBy = "demo-seeder.approval";
    public const string Reason = "演示值：文件未规定，仅供演示";

    /// <summary>
    /// The demo value of a parameter that the shipped module leaves without a value, or null when the demo needs none.
    /// Plausible figures of the same order as the neighbouring cities' documented ones (e.g. Jining 30 yuan a year,
    /// Shishi 380 yuan, Yulin 70 % home-care ratio and 1,200 yuan monthly limit).
    /// </summary>
    public static object? ValueFor(Tenant tenant, ParameterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(definition);
        var name = definition.Name;
        var exact = (tenant.Id, name) switch
        {
            (TenantIds.Zhenjiang, "employeeIndividualShare") => 30m,
            (TenantIds.Zhenjiang, "employeeMedicalFundShare") => 60m,
            (TenantIds.Zhenjiang, "residentIndividualShare") => 20m,
            (TenantIds.Zhenjiang, "residentMedicalFundShare") => 30m,
            (TenantIds.Zhenjiang, "residentFiscalShare") => 40m,
            (TenantIds.Yuzhong, "individualShare") => 45m,
            (TenantIds.Yuzhong, "employerShare") => 45m,
            (TenantIds.Yuzhong, "fiscalShare") => 10m,
            (TenantIds.Yulin, "previousYearDisposableIncomePerCapita") => 36_000m,
            (TenantIds.Yulin, "waitingPeriodExtraMonthsPerGapYear") => 3m,
            (TenantIds.Yulin, "assessmentFeeFundShare") => 0.5m,
            _ => (object?)null,
        };
        if (exact is not null)
            return exact;
        // The truth the demo tells: Yulin's resident scheme has not started (YL 一(二)), so its start date and resident
        // amounts stay unset and Yulin's residents are refused; a newborn window is read only under another reading.
        if (name is "residentSchemeStart" or "residentIndividualAmount" or "residentFiscalAmount" or "newbornEnrolmentMonths")
            return null;
        // The assessment path (公示, validity, reminders, fee): figures the documents leave open.
        var assessment = name switch
        {
            "publicityDays" => 7m,
            "publicityDayCounting" => (object)"working_days",
            "otherConclusionValidityMonths" => 12m,
            "expiryReminderDays" => 30m,
            "assessmentFee" => 200m,
            CommonParameters.SuspendDuringHospitalStay => true,
            _ => null,
        };
        if (assessment is not null)
            return assessment;
        if (name == CommonParameters.ApplicationCompletionDays)
            return 30m;
        // The monthly claims window (issue #13): closes on the 10th of the next month; two approvers above 50,000 yuan.
        if (name == CommonParameters.ClaimWindowCloseDay)
            return 10m;
        if (name == CommonParameters.ClaimSecondApprovalAbove)
            return 50_000m;
        if (name == CommonParameters.BenefitStartRule)
            return CommonParameters.StartDayAfterConclusion;
        // The benefit threshold of the instrument the city uses (the other instrument is refused, its threshold not needed).
        var instrument = PolicyCalculator.DefaultParameters.TryGetValue(tenant.Id, out var shipped)
            ? shipped.FirstOrDefault(d => d.Name == CommonParameters.AssessmentInstrument)?.ValueOn(tenant.SchemeStart)?.Value as string
            : null;
        if (name == CommonParameters.National2021MinimumLevel)
            return instrument == "national2021" ? 3m : null;
        if (name == CommonParameters.BarthelBenefitBands)
            return instrument == "barthel" ? new List<string> { "severe" } : null;
        if (name.StartsWith("fundRatio.", StringComparison.Ordinal))
            return name.Contains("institution", StringComparison.Ordinal) ? 0.70m : 0.75m;
        if (name.StartsWith("monthlyLimit.", StringComparison.Ordinal))
            return name.Contains("institution", StringComparison.Ordinal) ? 1_800m : 1_500m;
        if (name.StartsWith("perDiem.", StringComparison.Ordinal))
            return name.Contains("institution", StringComparison.Ordinal) ? 60m : 40m;
        return definition.Kind switch
        {
            // An in-force or collection start the document does not date: the scheme start the tenant runs under.
            ParameterKind.Date => tenant.SchemeStart,
            _ => null,
        };
    }

    /// <summary>The parameters of <paramref name="tenant"/>'s module that have no shipped value on some day from the scheme start.</summary>
    public static IEnumerable<(ParameterDefinition Definition, DateOnly From)> Unset(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!PolicyCalculator.DefaultParameters.TryGetValue(tenant.Id, out var definitions))
            yield break;
        foreach (var definition in definitions)
        {
            var gap = definition.Values.OrderBy(v => v.From).FirstOrDefault(v => v.Value is null);
            if (gap is not null)
                yield return (definition, gap.From > tenant.SchemeStart ? gap.From : tenant.SchemeStart);
        }
    }

    /// <summary>Writes the missing demo versions as the owner role (one transaction per tenant).</summary>
    public static async Task SeedAsync(LtcDbContext db, IEnumerable<Tenant> tenants, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(clock);
        var stored = (await db.Set<StoredParameterVersion>().IgnoreQueryFilters()
                .Select(v => v.TenantId + "/" + v.Name).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            var now = clock.GetUtcNow();
            foreach (var (definition, from) in Unset(tenant))
            {
                if (stored.Contains(tenant.Id + "/" + definition.Name) || ValueFor(tenant, definition) is not { } value)
                    continue;
                var version = StoredParameterVersion.Propose(tenant.Id, definition.Name, 1,
                    ParameterValueText.Format(definition.Kind, value), from, null, definition.Unit, definition.Clause,
                    Reason, ProposedBy, now, demo: true);
                version.Decide(true, DecidedBy, now, Reason);
                db.Set<StoredParameterVersion>().Add(version);
            }

            await db.SaveChangesAsync(ct);
        }
    }
}
