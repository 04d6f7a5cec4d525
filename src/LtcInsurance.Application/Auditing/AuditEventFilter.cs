using FluentValidation;
using LtcInsurance.Domain.Auditing;

namespace LtcInsurance.Application.Auditing;

/// <summary>
/// What the auditor searches the trail for (审计日志); every part optional. Dates are China Standard Time days, both ends
/// included.
/// </summary>
/// <param name="User">Part of the user name.</param>
/// <param name="Action">Part of the action's name (e.g. <c>Claim</c>, <c>person.detail</c>).</param>
/// <param name="Kind">One of <see cref="AuditKinds"/>.</param>
/// <param name="EntityType">The entity's type, e.g. <c>Claim</c>, <c>Person</c>.</param>
/// <param name="EntityId">The entity's id, exactly.</param>
public sealed record AuditEventFilter(string? User = null, string? Action = null, DateOnly? From = null, DateOnly? To = null,
    string? Kind = null, string? EntityType = null, string? EntityId = null)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (Text(User) is { } user)
            events = events.Where(e => e.UserName.Contains(user));
        if (Text(Action) is { } action)
            events = events.Where(e => e.Action.Contains(action));
        if (Text(Kind) is { } kind)
            events = events.Where(e => e.Kind == kind);
        if (Text(EntityType) is { } type)
            events = events.Where(e => e.EntityType == type);
        if (Text(EntityId) is { } id)
            events = events.Where(e => e.EntityId == id);
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
            events = events.Where(e => e.OccurredAt < end);
        }

        return events;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal static class AuditEventFilterRules
{
    public static void ValidFilter<T>(this IRuleBuilder<T, AuditEventFilter> rule) =>
        rule.NotNull().WithMessage("缺少查询条件。").ChildRules(f =>
        {
            f.RuleFor(x => x.User).MaximumLength(256).WithMessage("用户名不超过256个字符。");
            f.RuleFor(x => x.Action).MaximumLength(128).WithMessage("操作名称不超过128个字符。");
            f.RuleFor(x => x.EntityType).MaximumLength(64).WithMessage("对象类型不超过64个字符。");
            f.RuleFor(x => x.EntityId).MaximumLength(128).WithMessage("对象编号不超过128个字符。");
            f.RuleFor(x => x.Kind).Must(k => string.IsNullOrWhiteSpace(k) || AuditKinds.All.Contains(k.Trim())).WithMessage("未知的事件类别。");
            f.RuleFor(x => x.From).Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage("起始日期不在合理范围内。");
            f.RuleFor(x => x.To).Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage("截止日期不在合理范围内。");
            f.RuleFor(x => x.To).Must((x, to) => x.From is null || to is null || x.From <= to).WithMessage("起始日期不能晚于截止日期。");
        });
}

/// <summary>One line of the trail as the auditor reads it.</summary>
public sealed record AuditEventView(Guid Id, DateTimeOffset OccurredAt, string Kind, string KindName, string Action, string Outcome,
    string OutcomeName, string UserName, string? ClientAddress, string? ApiKeyId, string? EntityType, string? EntityId, string? Request,
    string? Before, string? After, long? RowCount, string? Message)
{
    internal static AuditEventView Of(AuditEvent e) => new(e.Id, e.OccurredAt, e.Kind, AuditKinds.ChineseName(e.Kind), e.Action, e.Outcome,
        AuditOutcomes.ChineseName(e.Outcome), e.UserName, e.ClientAddress, e.ApiKeyId, e.EntityType, e.EntityId, e.Request,
        e.BeforeValue, e.AfterValue, e.RowCount, e.Message);
}
