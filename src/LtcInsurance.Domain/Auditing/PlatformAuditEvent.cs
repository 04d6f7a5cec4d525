namespace LtcInsurance.Domain.Auditing;

/// <summary>
/// A line of the audit trail written by a caller with no city: the platform admin before choosing one (adding a city,
/// administering any city's users), the command line acting for no tenant. Same columns as <see cref="AuditEvent"/>
/// without the tenant: a platform table (<c>platform_audit_events</c>, migration <c>20261207141000_PlatformAuditEvents</c>),
/// outside row-level security because it belongs to no city; the application role may insert and read only and a
/// trigger refuses UPDATE, DELETE and TRUNCATE for the owner too.
/// </summary>
public sealed class PlatformAuditEvent
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private PlatformAuditEvent()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; private init; }

    /// <summary>One of <see cref="AuditKinds"/>.</summary>
    public string Kind { get; private init; } = "";

    public string Action { get; private init; } = "";

    /// <summary>One of <see cref="AuditOutcomes"/>.</summary>
    public string Outcome { get; private init; } = "";

    public string UserName { get; private init; } = "";

    public string? UserId { get; private init; }

    public string? ClientAddress { get; private init; }

    public string? EntityType { get; private init; }

    public string? EntityId { get; private init; }

    public string? Request { get; private init; }

    public string? BeforeValue { get; private init; }

    public string? AfterValue { get; private init; }

    public long? RowCount { get; private init; }

    public string? Message { get; private init; }

    /// <summary>The same line as <paramref name="line"/> (built for no tenant), for the platform table.</summary>
    public static PlatformAuditEvent From(AuditEvent line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new PlatformAuditEvent
        {
            OccurredAt = line.OccurredAt, Kind = line.Kind, Action = line.Action, Outcome = line.Outcome, UserName = line.UserName,
            UserId = line.UserId, ClientAddress = line.ClientAddress, EntityType = line.EntityType, EntityId = line.EntityId,
            Request = line.Request, BeforeValue = line.BeforeValue, AfterValue = line.AfterValue, RowCount = line.RowCount,
            Message = line.Message,
        };
    }
}
