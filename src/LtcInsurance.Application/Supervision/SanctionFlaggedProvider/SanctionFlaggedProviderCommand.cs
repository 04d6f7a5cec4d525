using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Supervision.SanctionFlaggedProvider;

/// <summary>
/// Feeds a confirmed flag about a provider into the sanctions register: records the sanction through
/// <see cref="Providers.RecordSanction.RecordSanctionCommand"/> (the provider's sanction use case, with its own checks and
/// roles) with the flag's rule and clause as the ground, and links it to the flag. One sanction per flag.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record SanctionFlaggedProviderCommand(Guid FlagId, DateOnly From, DateOnly? To, string Reason) : IRequest<Guid>;
