using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Benefits.DraftCarePlan;

/// <summary>
/// The provider the case was dispatched to (a user of that institution) or a clerk drafts the care plan (护理服务计划) of an
/// entitlement: the service items with frequency and duration, from <see cref="From"/> (within the entitlement). The plan
/// counts only once the insured has confirmed it (<c>ConfirmCarePlan</c>).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Institution)]
public sealed record DraftCarePlanCommand(Guid EntitlementId, DateOnly From, DateOnly? To, IReadOnlyList<CarePlanItemInput> Items) : IRequest<CarePlanDrafted>;

/// <param name="FrequencyUnit">week or month.</param>
public sealed record CarePlanItemInput(string ItemCode, int Frequency, string FrequencyUnit, int? DurationMinutes);

public sealed record CarePlanDrafted(Guid CarePlanId, string Message);
