using LtcInsurance.Application;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Cli.Composition;

/// <summary>
/// The CLI's composition root: the same registrations as the web app (AddLtcApplication + AddLtcInfrastructure), over
/// the configured database, acting as the command-line operator for one tenant. Commands outside this folder use only
/// <see cref="ISender"/> and the Application's types.
/// </summary>
public sealed class CliServices : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    private CliServices(ServiceProvider root)
    {
        _root = root;
        _scope = root.CreateAsyncScope();
    }

    /// <summary>Sends requests as the operator, to their handlers, exactly as the web pages do.</summary>
    public ISender Sender => _scope.ServiceProvider.GetRequiredService<ISender>();

    /// <summary>
    /// A job worker in this process (its operator is the job's own: <c>job:&lt;who queued it&gt;</c>), for the commands
    /// that queue a job and run it at once, and <c>ltc jobs run-once</c>.
    /// </summary>
    public JobWorker Jobs => _root.GetRequiredService<JobWorker>();

    /// <summary>Services for <paramref name="tenant"/> (null: platform level) over <paramref name="appConnectionString"/>.</summary>
    public static CliServices Create(string appConnectionString, string? tenant, string? ownerConnectionString = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLtcApplication();
        services.AddLtcInfrastructure(appConnectionString, ownerConnectionString);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(CurrentUser.System(tenant, OperatorName())));
        return new CliServices(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>Services acting as <paramref name="user"/> (a named user of the tenant, e.g. the admin approving a parameter).</summary>
    public static CliServices CreateAs(string appConnectionString, CurrentUser user)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLtcApplication();
        services.AddLtcInfrastructure(appConnectionString);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(user));
        return new CliServices(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>The OS account running the command, recorded as the acting user.</summary>
    private static string OperatorName() => "cli:" + Environment.UserName;

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
