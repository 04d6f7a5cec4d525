using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Benefits;

/// <summary>
/// An entitlement to benefits (待遇资格) that follows a qualifying conclusion: the level concluded, the service mode and
/// designated provider chosen (派单), the days benefits run (<see cref="From"/> to <see cref="To"/>, both included; open
/// while <see cref="To"/> is null), a waiting period during which no service counts, and the engine's trace of how the
/// dates were computed. Monthly claims are checked against it.
/// </summary>
public sealed class BenefitEntitlement : ITenantOwned
{
    private BenefitEntitlement()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    /// <summary>The assessment application whose conclusion grounds the entitlement (the 复评 when there was one).</summary>
    public Guid ApplicationId { get; private init; }

    public int? Level { get; private init; }

    public string LevelLabel { get; private init; } = "";

    /// <summary>A <see cref="Vocabulary.ServiceModes"/> code.</summary>
    public string ServiceMode { get; private set; } = "";

    /// <summary>The designated provider the case was dispatched to (派单).</summary>
    public Guid? InstitutionId { get; private set; }

    public DateOnly From { get; private init; }

    /// <summary>The last day of the entitlement (validity end, or the day it ended); null while open-ended.</summary>
    public DateOnly? To { get; private set; }

    /// <summary>Why the entitlement ended early (one of <see cref="EntitlementEndReasons"/>), null while it runs to <see cref="To"/>.</summary>
    public string? EndReason { get; private set; }

    /// <summary>The last day of a waiting period (等待期), if any: services on or before it do not count.</summary>
    public DateOnly? WaitingUntil { get; private init; }

    /// <summary>The policy engine's trace of the start and end computation (JSON).</summary>
    public string Trace { get; private set; } = "[]";

    public string RecordedBy { get; private init; } = "";

    public DateTimeOffset RecordedAt { get; private init; }

    public static BenefitEntitlement Grant(
        string tenantId, Guid personId, Guid applicationId, int? level, string levelLabel, string serviceMode, Guid? institutionId,
        DateOnly from, DateOnly? to, DateOnly? waitingUntil, string trace, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceMode);
        if (to < from)
            throw new ArgumentOutOfRangeException(nameof(to), "An entitlement cannot end before it starts.");
        return new BenefitEntitlement
        {
            TenantId = tenantId, PersonId = personId, ApplicationId = applicationId, Level = level, LevelLabel = levelLabel,
            ServiceMode = serviceMode, InstitutionId = institutionId, From = from, To = to, WaitingUntil = waitingUntil,
            Trace = trace, RecordedBy = recordedBy, RecordedAt = recordedAt,
        };
    }

    /// <summary>True when <paramref name="day"/> lies within the entitlement (from <see cref="From"/> to <see cref="To"/>, both included).</summary>
    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);

    /// <summary>True when a service on <paramref name="day"/> counts: covered and past any waiting period.</summary>
    public bool CountsServiceOn(DateOnly day) => Covers(day) && (WaitingUntil is null || day > WaitingUntil);

    /// <summary>True when the entitlement ended early (death, loss of insurance, a new conclusion).</summary>
    public bool IsEnded => EndReason is not null;

    /// <summary>Ends the entitlement on <paramref name="lastDay"/> (never later than the end it had) for <paramref name="reason"/>.</summary>
    public void End(DateOnly lastDay, string reason, string trace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var last = To is { } to && to < lastDay ? to : lastDay;
        To = last < From ? From.AddDays(-1) : last;
        EndReason = reason;
        Trace = trace;
    }
}

/// <summary>Why an entitlement ends before the end of its validity.</summary>
public static class EntitlementEndReasons
{
    public const string Death = "death";
    public const string InsuranceLost = "insurance_lost";
    public const string NewConclusion = "new_conclusion";

    public static IReadOnlyList<string> All { get; } = [Death, InsuranceLost, NewConclusion];

    public static string ChineseName(string code) => code switch
    {
        Death => "死亡",
        InsuranceLost => "参保关系终止",
        NewConclusion => "新的评估结论",
        _ => code,
    };
}
