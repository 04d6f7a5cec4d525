using System.Net.Sockets;
using System.Text;
using LtcInsurance.Web.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>The unit is Type=notify: systemd waits for READY=1 on $NOTIFY_SOCKET. Here the test plays systemd.</summary>
public sealed class SystemdNotifierTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "ltc-notify-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    public SystemdNotifierTests() => _systemd.Bind(new UnixDomainSocketEndPoint(_path));

    [Fact]
    public void Notify_sends_the_state_as_one_datagram()
    {
        new SystemdNotifier(_path).Notify("READY=1");

        Assert.Equal("READY=1", Receive());
    }

    [Fact]
    public void Abstract_socket_names_are_supported()
    {
        var name = "ltc-notify-test-" + Guid.NewGuid().ToString("N")[..8];
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint("\0" + name));

        new SystemdNotifier("@" + name).Notify("READY=1");

        var buffer = new byte[64];
        systemd.ReceiveTimeout = 5000;
        Assert.Equal("READY=1", Encoding.UTF8.GetString(buffer, 0, systemd.Receive(buffer)));
    }

    [Fact]
    public async Task The_service_reports_ready_once_the_application_has_started_and_stopping_when_it_stops()
    {
        using var lifetime = new Lifetime();
        var service = new SystemdNotifyService(new SystemdNotifier(_path), lifetime, NullLogger<SystemdNotifyService>.Instance);
        await service.StartAsync(CancellationToken.None);
        _systemd.Blocking = false;
        Assert.Equal(0, _systemd.Available);

        await lifetime.Started.CancelAsync();
        _systemd.Blocking = true;
        Assert.Equal("READY=1", Receive());

        await lifetime.Stopping.CancelAsync();
        Assert.Equal("STOPPING=1", Receive());
    }

    private string Receive()
    {
        var buffer = new byte[64];
        _systemd.ReceiveTimeout = 5000;
        return Encoding.UTF8.GetString(buffer, 0, _systemd.Receive(buffer));
    }

    public void Dispose()
    {
        _systemd.Dispose();
        File.Delete(_path);
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource Started { get; } = new();
        public CancellationTokenSource Stopping { get; } = new();
        public CancellationToken ApplicationStarted => Started.Token;
        public CancellationToken ApplicationStopping => Stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => Stopping.Cancel();

        public void Dispose()
        {
            Started.Dispose();
            Stopping.Dispose();
        }
    }
}
