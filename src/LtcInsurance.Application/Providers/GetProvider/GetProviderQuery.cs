using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.GetProvider;

/// <summary>A provider's register entry: terms, bank account, insurance, status, care workers, sanctions and history.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record GetProviderQuery(Guid Id) : IRequest<ProviderDetail>;
