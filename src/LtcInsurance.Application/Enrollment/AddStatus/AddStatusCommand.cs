using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Enrollment.AddStatus;

/// <summary>
/// Records a category of the person (人员类别, a <c>PersonStatus</c> code such as dibao) certified from
/// <see cref="From"/> to <see cref="To"/> (inclusive; open when null).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record AddStatusCommand(PersonId PersonId, string Status, DateOnly From, DateOnly? To = null) : IRequest<Guid>;
