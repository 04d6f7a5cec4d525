using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.People.ExportPeople;

/// <summary>
/// Every person the register search finds (<see cref="PeopleSearch"/>), all pages, in list order: what the list's
/// xlsx and csv exports hold. ID numbers stay masked as in the list.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ExportPeopleQuery(string? Text) : IRequest<IReadOnlyList<PersonSummary>>;
