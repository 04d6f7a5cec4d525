using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.ListSanctions;

/// <summary>
/// The sanctions register, newest first: all, or only those in force on <paramref name="InForceOn"/>; narrowed to one
/// provider (its own and its care workers') by <paramref name="InstitutionId"/>.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record ListSanctionsQuery(DateOnly? InForceOn = null, Guid? InstitutionId = null, int PageNumber = 1, int PageSize = 50)
    : IRequest<Page<SanctionView>>;
