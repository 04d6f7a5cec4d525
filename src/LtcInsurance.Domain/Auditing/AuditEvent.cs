using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Auditing;

/// <summary>
/// One line of the audit trail (审计日志, issue #14 item 2): a state change (every command, whatever its outcome) or a view
/// or export of full personal data — who, what, when, from where, and the values before and after where the use case
/// knows them. Append-only: the application role may insert and read only and a trigger refuses UPDATE, DELETE and
/// TRUNCATE (migration <c>20261207135000_AuditEvents</c>).
/// </summary>
public sealed class AuditEvent : AuditLine, ITenantOwned
{
    public const int ApiKeyIdLength = 64;

    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private AuditEvent()
    {
    }

    public string TenantId { get; private init; } = "";

    /// <summary>The REST API key used (its id), null for the portal, the CLI and jobs.</summary>
    public string? ApiKeyId { get; private init; }

    public static AuditEvent Of(string tenantId, DateTimeOffset at, string kind, string action, string outcome, string userName,
        string? userId = null, string? clientAddress = null, string? apiKeyId = null, string? entityType = null, string? entityId = null,
        string? request = null, string? before = null, string? after = null, long? rowCount = null, string? message = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return new AuditEvent
        {
            TenantId = tenantId, OccurredAt = at, Kind = kind, Action = Cut(action, ActionLength)!, Outcome = outcome,
            UserName = string.IsNullOrWhiteSpace(userName) ? "anonymous" : Cut(userName, UserLength)!, UserId = Cut(userId, UserLength),
            ClientAddress = Cut(clientAddress, ClientAddressLength), ApiKeyId = Cut(apiKeyId, ApiKeyIdLength), EntityType = Cut(entityType, EntityTypeLength),
            EntityId = Cut(entityId, EntityIdLength), Request = Cut(request, TextLength), BeforeValue = Cut(before, TextLength),
            AfterValue = Cut(after, TextLength), RowCount = rowCount, Message = Cut(message, MessageLength),
        };
    }
}

/// <summary>What kind of event a line records.</summary>
public static class AuditKinds
{
    /// <summary>A command: something was (or was asked to be) changed.</summary>
    public const string Change = "change";

    /// <summary>Full personal data was shown (a person's detail with the full ID number, a person's file).</summary>
    public const string View = "view";

    /// <summary>Personal data left the system as a file (with its row count).</summary>
    public const string Export = "export";

    public static IReadOnlyList<string> All { get; } = [Change, View, Export];

    public static string ChineseName(string kind) => kind switch
    {
        Change => "变更",
        View => "查看个人信息",
        Export => "导出个人信息",
        _ => kind,
    };
}

/// <summary>How a command ended.</summary>
public static class AuditOutcomes
{
    public const string Succeeded = "succeeded";

    /// <summary>Invalid input or a business rule said no; nothing was changed.</summary>
    public const string Refused = "refused";

    /// <summary>The caller lacks the role.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>An unexpected error; the use case's transaction, if any, was rolled back.</summary>
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Succeeded, Refused, Forbidden, Failed];

    public static string ChineseName(string outcome) => outcome switch
    {
        Succeeded => "成功",
        Refused => "被拒绝",
        Forbidden => "无权限",
        Failed => "出错",
        _ => outcome,
    };
}
