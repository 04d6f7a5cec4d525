using System.Collections.Concurrent;
using LtcInsurance.Application;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.People.GetPersonDetail;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtcInsurance.Integration.Tests.Enrollment;

/// <summary>Personal information protection: every showing of a full ID number is on record, whoever asks.</summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class PersonDetailLogTests(RegisterDatabase database)
{
    [Fact]
    public async Task Reading_a_persons_detail_logs_who_saw_the_full_ID_number_in_which_tenant()
    {
        await using var db = database.App(TenantIds.Yulin);
        var person = await RegisterDatabase.AddPersonAsync(db, "韦日志", "450902", new DateOnly(1960, 1, 1));
        var log = new CapturedLog();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(log));
        services.AddLtcApplication();
        services.AddLtcInfrastructure(database.Server.AppConnectionString);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(
            new CurrentUser("u-1", "clerk.yulin", TenantIds.Yulin, [Roles.Clerk])));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var detail = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetPersonDetailQuery(new PersonId(person.Id)));

        Assert.Equal(person.IdNumber.Value, detail!.IdNumber);
        var line = Assert.Single(log.Lines, l => l.Contains("Full ID number", StringComparison.Ordinal));
        Assert.Contains(person.Id.ToString(), line, StringComparison.Ordinal);
        Assert.Contains("clerk.yulin", line, StringComparison.Ordinal);
        Assert.Contains(TenantIds.Yulin, line, StringComparison.Ordinal);
    }

    private sealed class CapturedLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                Lines.Enqueue(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }
}
