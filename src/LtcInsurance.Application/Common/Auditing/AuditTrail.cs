using System.Text.Json;
using LtcInsurance.Domain.Auditing;

namespace LtcInsurance.Application.Common.Auditing;

/// <summary>
/// What a handler adds to the audit trail (issue #14 item 2). The sender records every command by itself (who, what,
/// when, from where, the request's values, the outcome); a handler tells it what it alone knows: the entity and the state
/// before and after a change, and each view or export of full personal data. Nothing is written until the handler
/// returns; then the sender writes the lines in a transaction of their own.
/// </summary>
public interface IAuditTrail
{
    /// <summary>The command's entity and its state before and after (any object; written as JSON).</summary>
    void Changed(string entityType, string entityId, object? before = null, object? after = null);

    /// <summary>Full personal data of <paramref name="entityType"/> <paramref name="entityId"/> was shown (e.g. <c>person.detail</c>).</summary>
    void Viewed(string what, string entityType, string entityId);

    /// <summary>Personal data left as a file: which export, in which format, how many rows, under which filter.</summary>
    void Exported(string what, string format, long rows, object? filter = null);
}

/// <summary>The lines a handler scope collected; read by the sender when the handler has returned.</summary>
internal sealed class AuditTrail : IAuditTrail
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public AuditChange? Change { get; private set; }

    public List<AuditNote> Notes { get; } = [];

    public void Changed(string entityType, string entityId, object? before = null, object? after = null) =>
        Change = new AuditChange(entityType, entityId, ToJson(before), ToJson(after));

    public void Viewed(string what, string entityType, string entityId) =>
        Notes.Add(new AuditNote(AuditKinds.View, what, entityType, entityId, null, null));

    public void Exported(string what, string format, long rows, object? filter = null) =>
        Notes.Add(new AuditNote(AuditKinds.Export, what, null, null, rows, ToJson(new { format, filter })));

    internal static string? ToJson(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };
}

internal sealed record AuditChange(string EntityType, string EntityId, string? Before, string? After);

internal sealed record AuditNote(string Kind, string Action, string? EntityType, string? EntityId, long? Rows, string? Request);
