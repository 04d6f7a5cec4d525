using System.Net.Sockets;
using System.Text;

namespace LtcInsurance.Web.Hosting;

/// <summary>
/// The sd_notify protocol of a <c>Type=notify</c> systemd unit (deploy/ltcinsurance.service): one datagram
/// <c>READY=1</c> to the socket named by <c>$NOTIFY_SOCKET</c> once the application listens (after its database is
/// migrated and checked, so that systemd and the deploy step wait for a node that can serve), <c>STOPPING=1</c> when it
/// begins to stop. The same protocol as Microsoft.Extensions.Hosting.Systemd, without the package (not referenced by
/// this project); outside systemd (<c>NOTIFY_SOCKET</c> unset) nothing is sent.
/// </summary>
public sealed class SystemdNotifier
{
    public const string SocketVariable = "NOTIFY_SOCKET";

    private readonly string _socketPath;

    public SystemdNotifier(string socketPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        // "@name" is a Linux abstract socket, addressed with a leading NUL.
        _socketPath = socketPath[0] == '@' ? "\0" + socketPath[1..] : socketPath;
    }

    /// <summary>The notifier of this process, or null when systemd did not ask for notifications.</summary>
    public static SystemdNotifier? FromEnvironment() =>
        Environment.GetEnvironmentVariable(SocketVariable) is { Length: > 0 } path ? new SystemdNotifier(path) : null;

    /// <summary>Sends one state line such as <c>READY=1</c>.</summary>
    public void Notify(string state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(_socketPath));
        socket.Send(Encoding.UTF8.GetBytes(state));
    }
}

/// <summary>Tells systemd when the application has started and when it stops.</summary>
internal sealed class SystemdNotifyService(SystemdNotifier notifier, IHostApplicationLifetime lifetime, ILogger<SystemdNotifyService> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => Send("READY=1"));
        lifetime.ApplicationStopping.Register(() => Send("STOPPING=1"));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Send(string state)
    {
        try
        {
            notifier.Notify(state);
        }
        catch (SocketException failure)
        {
            // systemd then gives up on the start after TimeoutStartSec and says so; the log says why.
            logger.LogWarning(failure, "Could not notify systemd ({State})", state);
        }
    }
}
