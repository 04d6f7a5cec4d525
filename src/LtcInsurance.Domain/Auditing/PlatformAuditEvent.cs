namespace LtcInsurance.Domain.Auditing;

/// <summary>
/// A line of the audit trail written by a caller with no city: the platform admin before choosing one (adding a city,
/// administering any city's users), the command line acting for no tenant. The columns of <see cref="AuditLine"/> (as
/// <see cref="AuditEvent"/>, without the tenant and the API key): a platform table (<c>platform_audit_events</c>, migration
/// <c>20261207141000_PlatformAuditEvents</c>), outside row-level security because it belongs to no city; the application
/// role may insert and read only and a trigger refuses UPDATE, DELETE and TRUNCATE for the owner too.
/// </summary>
public sealed class PlatformAuditEvent : AuditLine
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private PlatformAuditEvent()
    {
    }

    private PlatformAuditEvent(AuditLine line)
        : base(line)
    {
    }

    /// <summary>The same line as <paramref name="line"/> (built for no tenant), for the platform table, with its own id.</summary>
    public static PlatformAuditEvent From(AuditEvent line) => new(line);
}
