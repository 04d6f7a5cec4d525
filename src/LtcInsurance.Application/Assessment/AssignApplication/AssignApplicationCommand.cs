using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.AssignApplication;

/// <summary>
/// Assigns an accepted application to a designated agency on <see cref="On"/>, to be assessed by <see cref="DueOn"/>.
/// Refused when the agreement is not in force, the agency acts as 经办, or it belongs to the institution that cares for
/// or applied for the person (三方分离).
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record AssignApplicationCommand(Guid ApplicationId, Guid AgencyId, DateOnly On, DateOnly DueOn) : IRequest<DateOnly>;
