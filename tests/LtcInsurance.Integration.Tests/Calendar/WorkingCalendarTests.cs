using LtcInsurance.Application;
using LtcInsurance.Application.Calendar.BucketDeadlines;
using LtcInsurance.Application.Calendar.ImportCalendarYear;
using LtcInsurance.Application.Calendar.ListCalendarChanges;
using LtcInsurance.Application.Calendar.ListCalendarDays;
using LtcInsurance.Application.Calendar.RemoveCalendarDay;
using LtcInsurance.Application.Calendar.SetCalendarDay;
using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Calendar;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Integration.Tests.Calendar;

/// <summary>
/// The working calendar through its use cases on PostgreSQL: an admin of Jining loads a year's list (this test's own,
/// shaped like the 2026 国庆节 arrangement), deadlines are computed on it, every change is recorded, bad input changes
/// nothing, and other cities do not see it. Each test removes what it set (other tests count weekdays).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkingCalendarTests(PostgresFixture db)
{
    private const string Tenant = TenantIds.Jining;

    private const string NationalDay2026 = """
        日期,类型,名称
        2026-09-20,上班,国庆节调休
        2026-10-01,放假,国庆节
        2026-10-02,放假,国庆节
        2026-10-03,放假,国庆节
        2026-10-04,放假,国庆节
        2026-10-05,放假,国庆节
        2026-10-06,放假,国庆节
        2026-10-07,放假,国庆节
        2026-10-10,上班,国庆节调休
        """;

    private UseCaseHost Admin(string tenant = Tenant) =>
        UseCaseHost.As(db.AppConnectionString, new CurrentUser("cal-admin-" + tenant, "日历管理员." + tenant, tenant, [Roles.Admin]));

    [Fact]
    public async Task A_deadline_computed_across_the_national_holiday_counts_the_make_up_Saturday()
    {
        await using var admin = Admin();
        var imported = await admin.Send(new ImportCalendarYearCommand(2026, NationalDay2026));
        try
        {
            Assert.Equal(new ImportCalendarYearResult(2026, 7, 2, 0), imported);
            await using var context = db.AppContext(Tenant);
            var calendar = new TenantWorkingCalendar(context);

            // accepted Wednesday 30 September, 5 working days: 8, 9, 10 (Saturday, 调休), 12, 13 October
            Assert.Equal(new DateOnly(2026, 10, 13), await calendar.AddWorkingDaysAsync(new DateOnly(2026, 9, 30), 5, default));
            Assert.True(await calendar.IsWorkingDayAsync(new DateOnly(2026, 10, 10), default));
            Assert.False(await calendar.IsWorkingDayAsync(new DateOnly(2026, 10, 5), default));
            Assert.True(await calendar.IsWorkingDayAsync(new DateOnly(2026, 9, 20), default));

            // another city keeps no calendar: Monday to Friday
            await using var other = db.AppContext(TenantIds.Zhenjiang);
            Assert.Equal(new DateOnly(2026, 10, 7), await new TenantWorkingCalendar(other).AddWorkingDaysAsync(new DateOnly(2026, 9, 30), 5, default));
            await using var zhenjiang = Admin(TenantIds.Zhenjiang);
            Assert.Empty(await zhenjiang.Send(new ListCalendarDaysQuery(2026)));
        }
        finally
        {
            await ClearAsync(admin, 2026);
        }
    }

    [Fact]
    public async Task The_registered_calendar_is_what_use_cases_get_as_the_working_calendar()
    {
        await using var admin = Admin();
        Assert.IsType<TenantWorkingCalendar>(admin.Services.GetRequiredService<IWorkingCalendar>());
    }

    [Fact]
    public async Task The_todo_buckets_count_working_days_on_the_citys_calendar()
    {
        await using var admin = Admin();
        await admin.Send(new ImportCalendarYearCommand(2026, NationalDay2026));
        try
        {
            // today is Wednesday 30 September 2026, 10:00 in China
            await using var clerk = HostAt(new DateTimeOffset(2026, 9, 30, 2, 0, 0, TimeSpan.Zero), Roles.Clerk);
            var queue = await clerk.Send(new BucketDeadlinesQuery(
            [
                new("a", "受理（逾期）", new DateOnly(2026, 9, 28)),
                new("b", "受理（今日）", new DateOnly(2026, 9, 30)),
                new("c", "评估（节后第二个工作日）", new DateOnly(2026, 10, 9)),
                new("d", "送达（调休上班日后）", new DateOnly(2026, 10, 12)),
            ], SoonWithinWorkingDays: 3));

            Assert.Equal(new DateOnly(2026, 9, 30), queue.Today);
            Assert.Equal(new[] { "a" }, queue.Overdue.Select(i => i.Key));
            Assert.Equal(2, queue.Overdue[0].WorkingDays); // 29 and 30 September
            Assert.Equal(new[] { "b" }, queue.DueToday.Select(i => i.Key));
            Assert.Equal(new[] { "c" }, queue.DueSoon.Select(i => i.Key)); // 8, 9 October: 2 working days left despite the week off
            Assert.Equal(2, queue.DueSoon[0].WorkingDays);
            Assert.Equal(new[] { "d" }, queue.Later.Select(i => i.Key)); // 8, 9, 10 (调休), 12: 4 > 3
        }
        finally
        {
            await ClearAsync(admin, 2026);
        }
    }

    [Fact]
    public async Task Every_change_is_recorded_with_who_and_when_and_a_removed_day_follows_the_week_again()
    {
        await using var admin = Admin();
        var set = await admin.Send(new SetCalendarDayCommand(new DateOnly(2030, 5, 1), "holiday", "劳动节"));
        var changed = await admin.Send(new SetCalendarDayCommand(new DateOnly(2030, 5, 1), "放假", "国际劳动节"));
        var removed = await admin.Send(new RemoveCalendarDayCommand(new DateOnly(2030, 5, 1)));

        Assert.Equal("日历管理员." + Tenant, set.ChangedBy);
        Assert.Equal("国际劳动节", changed.Name);
        Assert.Equal(CalendarChange.Remove, removed.Action);
        Assert.Empty(await admin.Send(new ListCalendarDaysQuery(2030)));
        var history = await admin.Send(new ListCalendarChangesQuery(2030));
        Assert.Equal(new[] { CalendarChange.Remove, CalendarChange.Set, CalendarChange.Set }, history.Where(c => c.Day == new DateOnly(2030, 5, 1)).Select(c => c.Action));
        Assert.All(history, c => Assert.Equal("日历管理员." + Tenant, c.ActedBy));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Chinese_and_changes_nothing()
    {
        await using var admin = Admin();

        var weekday = await Assert.ThrowsAsync<RequestValidationException>(() =>
            admin.Send(new SetCalendarDayCommand(new DateOnly(2031, 10, 8), "workday", "调休")));
        Assert.Contains("本来就是工作日", weekday.Message, StringComparison.Ordinal);

        var badList = await Assert.ThrowsAsync<RequestValidationException>(() => admin.Send(new ImportCalendarYearCommand(2031, """
            日期,类型,名称
            2031-10-01,放假,国庆节
            2030-12-31,放假,元旦
            2031-10-02,度假,国庆节
            2031-10-08,上班,国庆节调休
            2031-10-01,放假,国庆节
            10月3日,放假,国庆节
            """)));
        Assert.Equal(5, badList.Problems.Count);
        Assert.Contains(badList.Problems, p => p.Message.StartsWith("第 3 行", StringComparison.Ordinal) && p.Message.Contains("不在 2031 年内", StringComparison.Ordinal));
        Assert.Contains(badList.Problems, p => p.Message.StartsWith("第 4 行", StringComparison.Ordinal) && p.Message.Contains("度假", StringComparison.Ordinal));
        Assert.Contains(badList.Problems, p => p.Message.StartsWith("第 5 行", StringComparison.Ordinal) && p.Message.Contains("星期三", StringComparison.Ordinal));
        Assert.Contains(badList.Problems, p => p.Message.StartsWith("第 6 行", StringComparison.Ordinal) && p.Message.Contains("重复", StringComparison.Ordinal));
        Assert.Contains(badList.Problems, p => p.Message.StartsWith("第 7 行", StringComparison.Ordinal));
        Assert.Empty(await admin.Send(new ListCalendarDaysQuery(2031)));

        await Assert.ThrowsAsync<RequestValidationException>(() => admin.Send(new RemoveCalendarDayCommand(new DateOnly(2031, 1, 1))));
        Assert.Empty(await admin.Send(new ListCalendarChangesQuery(2031)));

        await using var clerk = UseCaseHost.For(db.AppConnectionString, Tenant, Roles.Clerk);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => clerk.Send(new SetCalendarDayCommand(new DateOnly(2031, 10, 1), "holiday", "国庆节")));
    }

    [Fact]
    public async Task Importing_a_year_again_replaces_it()
    {
        await using var admin = Admin();
        try
        {
            await admin.Send(new ImportCalendarYearCommand(2032, "2032-10-01,放假,国庆节\n2032-10-02,放假,国庆节\n"));
            var again = await admin.Send(new ImportCalendarYearCommand(2032, "2032-10-02,放假,国庆节\n2032-10-09,班,国庆节调休\n"));

            Assert.Equal(new ImportCalendarYearResult(2032, 1, 1, 1), again);
            Assert.Equal(new[] { new DateOnly(2032, 10, 2), new DateOnly(2032, 10, 9) }, (await admin.Send(new ListCalendarDaysQuery(2032))).Select(d => d.Day));
        }
        finally
        {
            await ClearAsync(admin, 2032);
        }
    }

    private static async Task ClearAsync(UseCaseHost admin, int year)
    {
        foreach (var day in await admin.Send(new ListCalendarDaysQuery(year)))
            await admin.Send(new RemoveCalendarDayCommand(day.Day));
    }

    private Services HostAt(DateTimeOffset now, params string[] roles)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FixedClock(now));
        services.AddLtcApplication();
        services.AddLtcInfrastructure(db.AppConnectionString);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(new CurrentUser("cal-user", "日历用户." + Tenant, Tenant, roles)));
        return new Services(services.BuildServiceProvider());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Services(ServiceProvider provider) : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope = provider.CreateAsyncScope();

        public Task<T> Send<T>(IRequest<T> request) => _scope.ServiceProvider.GetRequiredService<ISender>().Send(request);

        public async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await provider.DisposeAsync();
        }
    }
}
