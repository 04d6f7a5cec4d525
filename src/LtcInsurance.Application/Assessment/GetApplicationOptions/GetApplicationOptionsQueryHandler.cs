using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.GetApplicationOptions;

internal sealed class GetApplicationOptionsQueryHandler(ILtcDbContext db, ICurrentUser user, IUserBindings bindings)
    : IRequestHandler<GetApplicationOptionsQuery, ApplicationOptions>
{
    public async Task<ApplicationOptions> Handle(GetApplicationOptionsQuery request, CancellationToken cancellationToken)
    {
        var scope = await ApplicationScope.OfAsync(db, user, bindings, cancellationToken);
        var institutions = db.Institutions.AsNoTracking();
        institutions = scope.All
            ? institutions.Where(i => i.Status == InstitutionStatus.Active)
            : institutions.Where(i => i.Id == scope.InstitutionId);
        var offered = await institutions.OrderBy(i => i.Code).Select(i => new ApplyingInstitution(i.Id, i.Code, i.Name)).ToListAsync(cancellationToken);

        ApplicantPerson? person = null;
        string? problem = null;
        if (!string.IsNullOrWhiteSpace(request.IdNumber))
        {
            if (!IdNumber.TryParse(request.IdNumber.Trim().ToUpperInvariant(), out var id, out var error))
            {
                problem = error;
            }
            else
            {
                var found = await db.InsuredPeople.AsNoTracking().Where(p => p.IdNumber == id).Select(p => new { p.Id, p.Name, p.IdNumber })
                    .SingleOrDefaultAsync(cancellationToken);
                person = found is null ? null : new ApplicantPerson(found.Id, found.Name, found.IdNumber.Masked);
                problem = found is null ? "本市参保登记中没有该身份证号码的人员" : null;
            }
        }

        return new ApplicationOptions(offered, !scope.All, person, problem);
    }
}
