using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Calendar;

/// <summary>
/// One exception to the weekly rhythm of a tenant's working calendar (table <c>calendar_days</c>): a public holiday
/// that is not a working day (<see cref="Holiday"/>), or a 调休 make-up day on a weekend that is
/// (<see cref="Workday"/>), with its name (国庆节, 国庆节调休). Days without a row follow the week: Monday to Friday work.
/// </summary>
public sealed class CalendarDay : ITenantOwned
{
    public const string Holiday = "holiday";
    public const string Workday = "workday";

    /// <summary>The longest name kept (e.g. 中国人民抗日战争暨世界反法西斯战争胜利纪念日).</summary>
    public const int NameMaxLength = 50;

    private CalendarDay()
    {
    }

    public string TenantId { get; private init; } = "";

    public DateOnly Day { get; private init; }

    /// <summary><see cref="Holiday"/> or <see cref="Workday"/>.</summary>
    public string Kind { get; private set; } = Holiday;

    public string Name { get; private set; } = "";

    /// <summary>Who last set the day, and when (the full history is in <see cref="CalendarChange"/>).</summary>
    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    public bool IsWorkingDay => Kind == Workday;

    public static CalendarDay Create(string tenantId, DateOnly day, string kind, string name, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var row = new CalendarDay { TenantId = tenantId, Day = day };
        row.Change(kind, name, by, at);
        return row;
    }

    public void Change(string kind, string name, string by, DateTimeOffset at)
    {
        if (kind is not (Holiday or Workday))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "holiday or workday");
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        Kind = kind;
        Name = name.Trim();
        ChangedBy = by;
        ChangedAt = at;
    }
}

/// <summary>
/// One change to a tenant's working calendar, never rewritten (table <c>calendar_changes</c>): who set or removed which
/// day, when, and what it was set to.
/// </summary>
public sealed class CalendarChange : ITenantOwned
{
    public const string Set = "set";
    public const string Remove = "remove";
    public const string Import = "import";

    private CalendarChange()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; }

    public DateOnly Day { get; private init; }

    /// <summary><see cref="Set"/>, <see cref="Remove"/> or <see cref="Import"/> (set by a year's CSV list).</summary>
    public string Action { get; private init; } = Set;

    /// <summary>What the day became (null after a removal).</summary>
    public string? Kind { get; private init; }

    /// <summary>Its name after the change, or the removed day's name.</summary>
    public string Name { get; private init; } = "";

    public string ActedBy { get; private init; } = "";

    public DateTimeOffset ActedAt { get; private init; }

    public static CalendarChange Of(string tenantId, DateOnly day, string action, string? kind, string name, string by, DateTimeOffset at) =>
        new()
        {
            TenantId = tenantId, Id = Guid.CreateVersion7(at), Day = day, Action = action, Kind = kind, Name = name,
            ActedBy = by, ActedAt = at,
        };
}
