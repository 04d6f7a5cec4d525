using System.Collections.Concurrent;
using LtcInsurance.Application;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Contributions.ExportArrears;
using LtcInsurance.Application.People.ExportPeople;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtcInsurance.Integration.Tests.Contributions;

/// <summary>Exports of personal data are on record: who, which export, how many rows (issue #16, accountability).</summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class ExportRecordTests(RegisterDatabase database)
{
    [Fact]
    public async Task Exports_of_people_and_arrears_log_the_user_the_tenant_and_the_row_count()
    {
        var lines = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(new Capture(lines)));
        services.AddLtcApplication();
        services.AddLtcInfrastructure(database.Server.AppConnectionString);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(
            new CurrentUser("u1", "clerk.export", TenantIds.Yulin, [Roles.Clerk])));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        await sender.Send(new ExportPeopleQuery(null, ExportFormat.Csv));
        await sender.Send(new ExportArrearsQuery(null, ExportFormat.Xlsx));

        var exports = lines.Where(l => l.StartsWith("Personal data export", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, exports.Count);
        Assert.Contains(exports, l => l.Contains("people", StringComparison.Ordinal) && l.Contains("clerk.export", StringComparison.Ordinal)
                                      && l.Contains("tenant yulin", StringComparison.Ordinal));
        Assert.Contains(exports, l => l.Contains("arrears", StringComparison.Ordinal) && l.Contains("Xlsx", StringComparison.Ordinal)
                                      && l.Contains("clerk.export", StringComparison.Ordinal));
        Assert.All(exports, l => Assert.Matches(@" of \d+ ", l));
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
