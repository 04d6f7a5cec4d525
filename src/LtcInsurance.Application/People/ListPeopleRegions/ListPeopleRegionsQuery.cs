using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.People.ListPeopleRegions;

/// <summary>The region codes the current tenant's register uses, each once, sorted: the choices of the list's region filter.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ListPeopleRegionsQuery : IRequest<IReadOnlyList<string>>;
