namespace LtcInsurance.Domain.Auditing;

/// <summary>
/// The columns every line of an audit trail has, whoever wrote it: the city's <see cref="AuditEvent"/> (<c>audit_events</c>)
/// and the platform's <see cref="PlatformAuditEvent"/> (<c>platform_audit_events</c>). One place for the columns, their
/// lengths and the cutting of long values; both tables are append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
/// </summary>
public abstract class AuditLine
{
    public const int TextLength = 4000;
    public const int KindLength = 16;
    public const int ActionLength = 128;
    public const int OutcomeLength = 16;
    public const int UserLength = 256;
    public const int ClientAddressLength = 64;
    public const int EntityTypeLength = 64;
    public const int EntityIdLength = 128;
    public const int MessageLength = 1000;

    /// <summary>For EF Core and the derived lines, which set the properties.</summary>
    protected AuditLine()
    {
    }

    /// <summary>A new line (its own id) with the values of <paramref name="other"/>.</summary>
    protected AuditLine(AuditLine other)
    {
        ArgumentNullException.ThrowIfNull(other);
        OccurredAt = other.OccurredAt;
        Kind = other.Kind;
        Action = other.Action;
        Outcome = other.Outcome;
        UserName = other.UserName;
        UserId = other.UserId;
        ClientAddress = other.ClientAddress;
        EntityType = other.EntityType;
        EntityId = other.EntityId;
        Request = other.Request;
        BeforeValue = other.BeforeValue;
        AfterValue = other.AfterValue;
        RowCount = other.RowCount;
        Message = other.Message;
    }

    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; protected init; }

    /// <summary>One of <see cref="AuditKinds"/>.</summary>
    public string Kind { get; protected init; } = "";

    /// <summary>The use case (e.g. <c>SubmitClaim</c>) or, for a view, what was shown (e.g. <c>person.detail</c>).</summary>
    public string Action { get; protected init; } = "";

    /// <summary>One of <see cref="AuditOutcomes"/>.</summary>
    public string Outcome { get; protected init; } = "";

    /// <summary>The user name (for an API key its client name; for the CLI the operator).</summary>
    public string UserName { get; protected init; } = "";

    public string? UserId { get; protected init; }

    /// <summary>Where from: the client's IP address (as the configured proxy forwarded it); null for the CLI and jobs.</summary>
    public string? ClientAddress { get; protected init; }

    /// <summary>What the action was about, e.g. <c>Claim</c> / its id; null when nothing names it.</summary>
    public string? EntityType { get; protected init; }

    public string? EntityId { get; protected init; }

    /// <summary>The request's values (passwords, secrets and file contents left out), as JSON.</summary>
    public string? Request { get; protected init; }

    /// <summary>The state before, as JSON, where the use case knows it.</summary>
    public string? BeforeValue { get; protected init; }

    /// <summary>The state after, as JSON, where the use case knows it.</summary>
    public string? AfterValue { get; protected init; }

    /// <summary>Rows of an export or a list of personal data.</summary>
    public long? RowCount { get; protected init; }

    /// <summary>The refusal's or the error's message.</summary>
    public string? Message { get; protected init; }

    /// <summary><paramref name="text"/> cut to <paramref name="length"/> characters (the last one an ellipsis) when longer.</summary>
    protected static string? Cut(string? text, int length) => text is { } t && t.Length > length ? t[..(length - 1)] + "…" : text;
}
