using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment;

/// <summary>
/// Which applications the signed-in user may see. Clerks, admins and auditors (and the CLI's operator, who holds every
/// role) see the city's; a care institution's user only those its institution applied for (its <c>users.provider_code</c>);
/// an assessor only those assigned to their agency (<c>users.agency_code</c>). A user whose binding names no institution
/// or agency of the city sees none.
/// </summary>
internal sealed record ApplicationScope(bool All, Guid? InstitutionId, Guid? AgencyId)
{
    private static readonly ApplicationScope Everything = new(true, null, null);

    public static async Task<ApplicationScope> OfAsync(ILtcDbContext db, ICurrentUser current, IUserBindings bindings, CancellationToken cancellationToken)
    {
        var user = current.User;
        if (user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Auditor))
            return Everything;
        var binding = user.UserName is { Length: > 0 } name ? await bindings.FindByUserNameAsync(name, cancellationToken) : null;
        if (user.IsInRole(Roles.Institution))
        {
            var code = binding?.InstitutionCode;
            var id = code is null ? null
                : await db.Institutions.Where(i => i.Code == code).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(cancellationToken);
            return new ApplicationScope(false, id ?? Guid.Empty, null);
        }

        var agency = binding?.AgencyCode;
        var agencyId = agency is null ? null
            : await db.Set<AssessmentAgency>().Where(a => a.Code == agency).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
        return new ApplicationScope(false, null, agencyId ?? Guid.Empty);
    }

    /// <summary>The applications of <paramref name="applications"/> this user may see.</summary>
    public IQueryable<AssessmentApplication> Filter(IQueryable<AssessmentApplication> applications)
    {
        ArgumentNullException.ThrowIfNull(applications);
        if (All)
            return applications;
        if (InstitutionId is { } institution)
            return applications.Where(a => a.ApplyingInstitutionId == institution);
        var agency = AgencyId ?? Guid.Empty;
        return applications.Where(a => a.AgencyId == agency);
    }

    /// <summary>Whether <paramref name="application"/> is one this user may see.</summary>
    public bool Covers(AssessmentApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return All || (InstitutionId is { } institution ? application.ApplyingInstitutionId == institution : application.AgencyId == (AgencyId ?? Guid.Empty));
    }
}
