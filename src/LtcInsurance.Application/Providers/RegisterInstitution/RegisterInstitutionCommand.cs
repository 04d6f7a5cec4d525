using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.RegisterInstitution;

/// <summary>
/// Admits a designated care institution (定点护理服务机构) under agreement: its agreement code, the terms (modes, level,
/// agreement dates, bank account, liability insurance). Recorded with who and when in the provider history.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record RegisterInstitutionCommand(string Code, ProviderTerms Terms) : IRequest<Guid>;
