using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Supervision.GetFlag;

/// <summary>One flag: the rule, its clause, the evidence and the outcomes recorded; null when the city has no such flag.</summary>
[RequiresRole(Roles.Auditor, Roles.Admin, Roles.Clerk)]
public sealed record GetFlagQuery(Guid Id) : IRequest<FlagDetail?>;
