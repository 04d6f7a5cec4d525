using MudBlazor;

namespace LtcInsurance.Web.Ui;

/// <summary>
/// One theme for the whole product: calm blue of a government service, Chinese fonts first, dense tables for long
/// working days, and contrast that passes WCAG AA for text on the primary colour.
/// </summary>
public static class LtcTheme
{
    private static readonly string[] Fonts =
    [
        "system-ui", "-apple-system", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
        "Segoe UI", "sans-serif",
    ];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#52606d",
            Tertiary = "#0b7a75",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a15c00",
            Error = "#c62828",
            AppbarBackground = "#1f5fa8",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2933",
            TextSecondary = "#52606d",
            // The current breadcrumb and disabled controls are drawn in this colour: dark enough for 4.5:1 on the background.
            ActionDisabled = "rgba(0,0,0,0.56)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = ".9rem", LineHeight = "1.6" },
            H1 = new H1Typography { FontFamily = Fonts, FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.3" },
            H2 = new H2Typography { FontFamily = Fonts, FontSize = "1.3rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = Fonts, FontSize = "1.1rem", FontWeight = "600", LineHeight = "1.3" },
            Button = new ButtonTypography { FontFamily = Fonts, TextTransform = "none", FontWeight = "500" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px", DefaultBorderRadius = "6px" },
    };
}
