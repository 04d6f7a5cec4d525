using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Providers.UpdateInstitution;

/// <summary>
/// Changes a provider's terms and status (在协议内 / 暂停 / 退出). A status change needs a reason; every changed field is
/// kept in the history with who and when.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record UpdateInstitutionCommand(Guid Id, ProviderTerms Terms, InstitutionStatus Status, string? StatusReason) : IRequest<int>;
