using LtcInsurance.Application.Assessment.AssignApplication;
using LtcInsurance.Application.Assessment.DecideAcceptance;
using LtcInsurance.Application.Assessment.DesignateAgency;
using LtcInsurance.Application.Assessment.RegisterApplication;
using LtcInsurance.Application.Assessment.RegisterAssessor;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtcInsurance.Infrastructure.Seeding;

/// <summary>
/// The demo assessment path (issue #12), through the clerk's use cases: per city one designated assessment agency (演示值: the
/// documents name none) whose code the demo assessor user (<c>assessor.&lt;city&gt;</c>) carries, its staff (that user as an
/// expert, a second expert and an assessor, 演示值), and one accepted application of an enrolled person assigned to it, so the
/// assessor's worklist is not empty. Idempotent: a city whose demo agency exists is left as it is.
/// </summary>
public static class DemoAssessment
{
    /// <summary>The demo agency's agreement code in <paramref name="tenantId"/>; the demo assessor user carries it.</summary>
    public static string AgencyCode(string tenantId) => $"DEMO-PG-{tenantId.ToUpperInvariant()}";

    public static async Task SeedAsync(string connectionString, IEnumerable<Tenant> tenants, TimeProvider clock,
        ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(clock);
        logger ??= NullLogger.Instance;
        foreach (var tenant in tenants)
        {
            await using var scope = DemoSeederScope.Open(connectionString, tenant, clock);
            var sender = scope.Sender;
            var db = scope.Services.GetRequiredService<LtcDbContext>();
            var code = AgencyCode(tenant.Id);
            if (await db.Set<AssessmentAgency>().AsNoTracking().AnyAsync(a => a.Code == code, ct))
                continue;
            try
            {
                await SeedTenantAsync(db, sender, tenant, code, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            }
            catch (BusinessRuleViolationException e)
            {
                logger.LogWarning("Demo assessment of {Tenant} refused: {Message}", tenant.Id, e.Message);
            }
        }
    }

    private static async Task SeedTenantAsync(LtcDbContext db, ISender sender, Tenant tenant, string code, DateOnly today, CancellationToken ct)
    {
        const string demo = DemoProviders.DemoMark;
        var agency = await sender.Send(new DesignateAgencyCommand(code, $"{tenant.NameZh}失能评估中心（{demo}）", new DateOnly(2024, 1, 1), new DateOnly(2028, 12, 31)), ct);
        await sender.Send(new RegisterAssessorCommand(agency, $"{tenant.NameZh}评估专家（{demo}）", AssessorQualifications.Expert, $"{code}-E1",
            DemoData.UserName(Roles.Assessor, tenant.Id)), ct);
        await sender.Send(new RegisterAssessorCommand(agency, $"演示评估专家乙（{demo}）", AssessorQualifications.Expert, $"{code}-E2"), ct);
        await sender.Send(new RegisterAssessorCommand(agency, $"演示评估员丙（{demo}）", AssessorQualifications.Assessor, $"{code}-A3"), ct);

        // an enrolled person the city's acceptance check accepts (the application day inside the scheme's insured time)
        var start = DemoContributions.EnrolmentStart(tenant);
        var applied = today.AddDays(-3) < start ? start.AddDays(3) : today.AddDays(-3);
        var people = await (
                from e in db.EnrollmentPeriods.AsNoTracking()
                where e.StartDate <= applied && (e.EndDate == null || e.EndDate >= applied)
                join p in db.InsuredPeople.AsNoTracking() on e.PersonId equals p.Id
                orderby p.Id
                select new { p.Id, p.Name })
            .Take(10).ToListAsync(ct);
        foreach (var person in people)
        {
            var registered = await sender.Send(new RegisterApplicationCommand(new PersonId(person.Id), ApplicantKinds.Person, person.Name, applied,
                [ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords], applied.AddYears(-1)), ct);
            var decided = await sender.Send(new DecideAcceptanceCommand(registered.ApplicationId, applied), ct);
            if (decided.Outcome != AcceptanceDecision.Accept)
                continue;
            await sender.Send(new AssignApplicationCommand(registered.ApplicationId, agency, applied, applied.AddDays(20)), ct);
            return;
        }
    }
}
