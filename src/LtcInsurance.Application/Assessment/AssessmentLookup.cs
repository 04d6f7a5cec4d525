using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Parameters;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment;

/// <summary>Loads the assessment path's rows (tracked, current tenant only) and reads its parameters.</summary>
internal static class AssessmentLookup
{
    public static async Task<AssessmentApplication> ApplicationAsync(ILtcDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var application = await db.Set<AssessmentApplication>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        AssessmentRule.Check(application is null, AssessmentCodes.ApplicationNotFound, AssessmentClauses.Management, "未找到该评估申请");
        return application!;
    }

    public static async Task<AssessmentAgency> AgencyAsync(ILtcDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var agency = await db.Set<AssessmentAgency>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        AssessmentRule.Check(agency is null, AssessmentCodes.AgencyNotFound, AssessmentClauses.Management, "未找到该评估机构");
        return agency!;
    }

    /// <summary>The assessors who declared a relation to <paramref name="personId"/> (they are recused).</summary>
    public static async Task<List<Guid>> RelatedAssessorsAsync(ILtcDbContext db, Guid personId, CancellationToken cancellationToken) =>
        await db.Set<AssessorRelation>().Where(r => r.PersonId == personId).Select(r => r.AssessorId).Distinct().ToListAsync(cancellationToken);

    /// <summary>A tenant parameter on <paramref name="on"/>; an unset one is refused with <c>parameter_missing</c>.</summary>
    public static async Task<ResolvedParameter> ParameterAsync(IPolicyEngine engine, string tenant, string name, DateOnly on, CancellationToken cancellationToken)
    {
        var provider = await engine.ParametersAsync(tenant, null, cancellationToken);
        try
        {
            return new ParameterScope(provider, tenant, new Dictionary<string, object?>()).Get(name, on);
        }
        catch (PolicyException e)
        {
            throw Refusal(e);
        }
    }

    /// <summary>Whether the tenant's city declares the parameter (some rules exist only where a document names them).</summary>
    public static bool Declares(string tenant, string name) =>
        PolicyCalculator.DefaultParameters.TryGetValue(tenant, out var definitions) && definitions.Any(d => d.Name == name);

    /// <summary>A policy refusal (unset figure, score not allowed, other instrument) as a business-rule refusal for the pages.</summary>
    public static BusinessRuleViolationException Refusal(PolicyException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new BusinessRuleViolationException(new AssessmentRule(e.Code, "", e.Message, true));
    }

    public static string Tenant(ILtcDbContext db) =>
        db.CurrentTenantId ?? throw new BusinessRuleViolationException(new AssessmentRule("no_tenant", "", "当前用户未选择城市", true));
}
