using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Calendar;

namespace LtcInsurance.Application.Calendar.BucketDeadlines;

internal sealed class BucketDeadlinesHandler(IWorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<BucketDeadlinesQuery, DeadlineQueue>
{
    public const int DefaultSoonWithin = 3;

    public async Task<DeadlineQueue> Handle(BucketDeadlinesQuery request, CancellationToken cancellationToken)
    {
        var today = PlausibleDates.Today(clock);
        var soonWithin = request.SoonWithinWorkingDays ?? DefaultSoonWithin;
        var worked = new Dictionary<DateOnly, bool>();

        async Task<int> WorkingDaysAfterAsync(DateOnly from, DateOnly to, int? stopAbove)
        {
            var count = 0;
            for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            {
                if (!worked.TryGetValue(day, out var working))
                    worked[day] = working = await calendar.IsWorkingDayAsync(day, cancellationToken);
                if (working && ++count > stopAbove)
                    break;
            }
            return count;
        }

        var items = new List<BucketedDeadline>();
        foreach (var item in request.Deadlines!.OrderBy(d => d.DueOn).ThenBy(d => d.Key, StringComparer.Ordinal))
        {
            var days = item.DueOn < today
                ? await WorkingDaysAfterAsync(item.DueOn, today, null)
                : await WorkingDaysAfterAsync(today, item.DueOn, soonWithin);
            items.Add(new BucketedDeadline(item.Key, item.Title, item.DueOn, DeadlineBuckets.Of(item.DueOn, today, days, soonWithin), days));
        }

        IReadOnlyList<BucketedDeadline> In(DeadlineBucket bucket) => [.. items.Where(i => i.Bucket == bucket)];
        return new DeadlineQueue(today, In(DeadlineBucket.Overdue), In(DeadlineBucket.DueToday), In(DeadlineBucket.DueSoon),
            In(DeadlineBucket.Later));
    }
}
