using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Calendar;

namespace LtcInsurance.Application.Calendar.BucketDeadlines;

/// <summary>
/// The building block of the "今日必做" queue: sorts the given deadlines, as of today in China, into 逾期 (overdue),
/// 今日到期 (due today) and 即将到期 (due within <paramref name="SoonWithinWorkingDays"/> working days of the tenant's
/// calendar, default 3); the rest is later. The queue's feature supplies the deadlines (applications to accept,
/// assessments to conclude, letters to deliver).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Assessor, Roles.Admin)]
public sealed record BucketDeadlinesQuery(IReadOnlyList<DeadlineItem>? Deadlines, int? SoonWithinWorkingDays = null)
    : IRequest<DeadlineQueue>;

/// <summary>One thing due: a key the caller knows it by (e.g. an application id), what it is, and its last day.</summary>
public sealed record DeadlineItem(string Key, string Title, DateOnly DueOn);

/// <summary>
/// A deadline in its bucket. <paramref name="WorkingDays"/>: for overdue ones, the working days since the due day
/// (up to today); otherwise the working days left after today up to the due day (for later ones counting stops one past
/// the "soon" limit).
/// </summary>
public sealed record BucketedDeadline(string Key, string Title, DateOnly DueOn, DeadlineBucket Bucket, int WorkingDays);

/// <summary>The deadlines by bucket, each by due day (earliest first).</summary>
public sealed record DeadlineQueue(
    DateOnly Today,
    IReadOnlyList<BucketedDeadline> Overdue,
    IReadOnlyList<BucketedDeadline> DueToday,
    IReadOnlyList<BucketedDeadline> DueSoon,
    IReadOnlyList<BucketedDeadline> Later);
