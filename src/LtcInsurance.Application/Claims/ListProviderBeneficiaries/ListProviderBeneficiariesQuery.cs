using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.ListProviderBeneficiaries;

/// <summary>
/// A provider's beneficiaries (服务对象): everyone with an entitlement dispatched to it or a care plan of it, with their
/// entitlements (level, mode, period, waiting period) and the provider's care plans (confirmed or not, items). What an
/// institution may claim for. An institution user sees only its own provider's; clerks and admins name the provider.
/// </summary>
/// <param name="ProviderCode">The provider; null for an institution user's own.</param>
[RequiresRole(Roles.Institution, Roles.Clerk, Roles.Admin)]
public sealed record ListProviderBeneficiariesQuery(string? ProviderCode = null) : IRequest<IReadOnlyList<ProviderBeneficiary>>;

/// <param name="IdNumber">The full 身份证号, which the provider claims by (the claim grid); pages show <paramref name="MaskedIdNumber"/>.</param>
public sealed record ProviderBeneficiary(Guid PersonId, string Name, string IdNumber, string MaskedIdNumber, IReadOnlyList<BeneficiaryEntitlement> Entitlements,
    IReadOnlyList<BeneficiaryCarePlan> CarePlans);

/// <param name="ServiceModeName">Chinese name of the service mode.</param>
/// <param name="OwnProvider">The entitlement is dispatched to this provider (派单) or to none.</param>
public sealed record BeneficiaryEntitlement(Guid Id, string LevelLabel, string ServiceMode, string ServiceModeName, DateOnly From, DateOnly? To,
    DateOnly? WaitingUntil, string? EndReason, bool OwnProvider);

public sealed record BeneficiaryCarePlan(Guid Id, DateOnly From, DateOnly? To, DateOnly? ConfirmedOn, IReadOnlyList<BeneficiaryCarePlanItem> Items);

public sealed record BeneficiaryCarePlanItem(string ItemCode, string? ItemName, int Frequency, string FrequencyUnit, int? DurationMinutes);
