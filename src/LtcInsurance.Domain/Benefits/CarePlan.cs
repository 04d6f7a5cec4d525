using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Benefits;

/// <summary>
/// A care plan (护理服务计划) the provider drafts for an entitlement: the service items with their frequency and duration.
/// No service counts before the insured confirms it (<see cref="ConfirmedByInsuredOn"/>).
/// </summary>
public sealed class CarePlan : ITenantOwned
{
    private readonly List<CarePlanItem> _items = [];

    private CarePlan()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid EntitlementId { get; private init; }

    public Guid InstitutionId { get; private init; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public string DraftedBy { get; private set; } = "";

    public DateTimeOffset DraftedAt { get; private set; }

    /// <summary>The day the insured (or their guardian) confirmed the plan.</summary>
    public DateOnly? ConfirmedByInsuredOn { get; private set; }

    public string? ConfirmationRecordedBy { get; private set; }

    public bool IsConfirmed => ConfirmedByInsuredOn is not null;

    public IReadOnlyList<CarePlanItem> Items => _items;

    public static CarePlan Draft(
        string tenantId, Guid entitlementId, Guid institutionId, DateOnly from, DateOnly? to, string draftedBy, DateTimeOffset draftedAt)
    {
        if (to < from)
            throw new ArgumentOutOfRangeException(nameof(to), "A care plan cannot end before it starts.");
        return new CarePlan
        {
            TenantId = tenantId, EntitlementId = entitlementId, InstitutionId = institutionId, From = from, To = to,
            DraftedBy = draftedBy, DraftedAt = draftedAt,
        };
    }

    public CarePlanItem AddItem(string itemCode, int frequency, string frequencyUnit, int? durationMinutes)
    {
        if (IsConfirmed)
            throw new InvalidOperationException("A confirmed care plan is not changed; draft a new one.");
        var item = CarePlanItem.Create(TenantId, Id, itemCode, frequency, frequencyUnit, durationMinutes);
        _items.Add(item);
        return item;
    }

    /// <summary>Records the insured's confirmation on <paramref name="on"/>.</summary>
    public void Confirm(DateOnly on, string recordedBy)
    {
        if (IsConfirmed)
            throw new InvalidOperationException("The care plan is already confirmed.");
        ConfirmedByInsuredOn = on;
        ConfirmationRecordedBy = recordedBy;
    }

    /// <summary>True when a service on <paramref name="day"/> falls under this plan once confirmed (on or after confirmation).</summary>
    public bool CountsServiceOn(DateOnly day) =>
        ConfirmedByInsuredOn is { } confirmed && day >= confirmed && From <= day && (To is null || day <= To);
}

/// <summary>Units of a care plan item's frequency.</summary>
public static class FrequencyUnits
{
    public const string Week = "week";
    public const string Month = "month";

    public static IReadOnlyList<string> All { get; } = [Week, Month];

    public static string ChineseName(string code) => code switch { Week => "每周", Month => "每月", _ => code };
}

/// <summary>One service item of a care plan: a catalogue item code, how often, and for how long each time.</summary>
public sealed class CarePlanItem : ITenantOwned
{
    private CarePlanItem()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CarePlanId { get; private init; }

    /// <summary>A service-item code of the catalogue.</summary>
    public string ItemCode { get; private init; } = "";

    public int Frequency { get; private init; }

    /// <summary>One of <see cref="FrequencyUnits"/>.</summary>
    public string FrequencyUnit { get; private init; } = FrequencyUnits.Week;

    public int? DurationMinutes { get; private init; }

    internal static CarePlanItem Create(string tenantId, Guid carePlanId, string itemCode, int frequency, string frequencyUnit, int? durationMinutes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemCode);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequency);
        if (!FrequencyUnits.All.Contains(frequencyUnit))
            throw new ArgumentOutOfRangeException(nameof(frequencyUnit), frequencyUnit, "Unknown frequency unit.");
        if (durationMinutes is <= 0)
            throw new ArgumentOutOfRangeException(nameof(durationMinutes), "A duration must be positive.");
        return new CarePlanItem
        {
            TenantId = tenantId, CarePlanId = carePlanId, ItemCode = itemCode, Frequency = frequency,
            FrequencyUnit = frequencyUnit, DurationMinutes = durationMinutes,
        };
    }
}
