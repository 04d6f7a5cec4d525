using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.ListNotices;

/// <summary>
/// The print queue of the assessment notices (<see cref="AssessmentNotices"/>): every notice issued and not yet printed,
/// and conclusion letters printed but not yet delivered, the oldest first. <see cref="Kind"/> keeps one kind;
/// <see cref="State"/> keeps <c>to_print</c> or <c>to_deliver</c> (null: both; <c>all</c>: also the finished ones);
/// <see cref="Today"/> marks conclusion letters past their delivery due day.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ListNoticesQuery(DateOnly Today, string? Kind = null, string? State = null, int Take = 500) : IRequest<IReadOnlyList<NoticeRow>>;

public static class NoticeStates
{
    public const string ToPrint = "to_print";
    public const string ToDeliver = "to_deliver";
    public const string Done = "done";
    public const string Everything = "all";

    public static IReadOnlyList<string> Filters { get; } = [ToPrint, ToDeliver, Everything];

    public static string ChineseName(string state) => state switch
    {
        ToPrint => "待打印",
        ToDeliver => "待送达",
        Done => "已完成",
        Everything => "全部",
        _ => state,
    };
}

/// <param name="State">to_print, to_deliver or done.</param>
/// <param name="DeliveryDueOn">For a conclusion letter: the day it must be delivered by.</param>
public sealed record NoticeRow(
    Guid ApplicationId, Guid PersonId, string PersonName, string Kind, string KindName, DateOnly IssuedOn, string State, string StateName,
    string? PrintedBy, DateTimeOffset? PrintedAt, DateOnly? DeliveryDueOn, DateOnly? DeliveredOn, bool Overdue);
