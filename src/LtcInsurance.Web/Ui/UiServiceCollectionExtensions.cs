using LtcInsurance.Web.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace LtcInsurance.Web.Ui;

/// <summary>
/// The user interface: Razor components rendered interactively on the server (one SignalR circuit per browser tab),
/// MudBlazor with its Chinese texts, and the circuit limits (docs/operations.md, "Interactive circuits").
/// </summary>
public static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddLtcUi(this IServiceCollection services, IConfiguration configuration)
    {
        var circuits = configuration.GetSection(CircuitSettings.Section).Get<CircuitSettings>() ?? new CircuitSettings();
        services.AddRazorComponents()
            .AddInteractiveServerComponents(options =>
            {
                // A tab that lost its connection (laptop lid, network switch) may come back this long and find its state.
                options.DisconnectedCircuitRetentionPeriod = circuits.DisconnectedRetention;
                options.DisconnectedCircuitMaxRetained = circuits.DisconnectedMaxRetained;
                options.JSInteropDefaultCallTimeout = TimeSpan.FromMinutes(1);
                // Never send exception details to the browser: the error boundary shows a Chinese message instead.
                options.DetailedErrors = false;
            })
            .AddHubOptions(options =>
            {
                // Uploads travel as streams, not as one message; keep single messages small.
                options.MaximumReceiveMessageSize = 64 * 1024;
            });

        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            options.SnackbarConfiguration.PreventDuplicates = false;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
            options.SnackbarConfiguration.ShowCloseIcon = true;
        });
        services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        return services;
    }
}

/// <summary>Section <c>Ltc:Circuits</c>: how long, and how many, disconnected circuits the server keeps.</summary>
public sealed class CircuitSettings
{
    public const string Section = "Ltc:Circuits";

    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(3);

    public int DisconnectedMaxRetained { get; set; } = 100;
}
