using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Projection.ExportProjection;
using LtcInsurance.Application.Projection.ProjectFund;
using LtcInsurance.Application.Reports;
using LtcInsurance.Application.Reports.ExportCityFigure;
using LtcInsurance.Application.Reports.ExportStatisticalReport;
using LtcInsurance.Domain.Common;
using LtcInsurance.Web.Exports;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace LtcInsurance.Web.Reports;

/// <summary>
/// Downloads of the dashboards' figures, the statistical reports and the projection: plain GETs the pages link to, each
/// sending one export request (auditors, admins and clerks of the city; the use cases check the role again).
/// </summary>
public static class ReportEndpoints
{
    public const string ProjectionParameterPrefix = "p.";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup("/reports")
            .RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.Reports });
        reports.MapGet("/figures/{figure}.{format}", ExportFigureAsync);
        reports.MapGet("/statistics/{report}.{format}", ExportReportAsync);
        reports.MapGet("/projection.{format}", ExportProjectionAsync);
        return endpoints;
    }

    /// <summary>The address of a figure's export.</summary>
    public static string FigureUrl(CityFigure figure, string format, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"/reports/figures/{figure.ToString().ToLowerInvariant()}.{format}?year={year}");

    public static string ReportUrl(StatisticalReport report, string format, int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"/reports/statistics/{report.ToString().ToLowerInvariant()}.{format}?year={year}&month={month}");

    /// <summary>The address of the projection's export with the page's inputs (what-if values as <c>p.name=value</c>).</summary>
    public static string ProjectionUrl(ProjectFundQuery q, string format)
    {
        var parts = new List<string> { $"years={q.Years}", $"moderate={(q.CoverModerate ? "1" : "0")}" };
        void Add(string name, decimal? value)
        {
            if (value is { } v)
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={v}"));
        }

        if (q.BaseYear is { } y)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"base={y}"));
        Add("insured", q.InsuredGrowth);
        Add("contribution", q.ContributionGrowth);
        Add("beneficiaries", q.BeneficiaryGrowth);
        Add("cost", q.CostGrowth);
        foreach (var (name, value) in q.Overrides ?? new Dictionary<string, decimal>())
            Add(ProjectionParameterPrefix + Uri.EscapeDataString(name), value);
        return $"/reports/projection.{format}?{string.Join('&', parts)}";
    }

    private static Task<IResult> ExportFigureAsync(string figure, string format, string? year, ISender sender, CancellationToken cancellationToken) =>
        !Enum.TryParse<CityFigure>(figure, true, out var f) || int.TryParse(figure, out _) || Format(format) is not { } fmt
            ? Task.FromResult(Results.NotFound())
            : FileAsync(() => sender.Send(new ExportCityFigureQuery(f, fmt, Int(year)), cancellationToken));

    private static Task<IResult> ExportReportAsync(string report, string format, string? year, string? month, ISender sender,
        CancellationToken cancellationToken) =>
        !Enum.TryParse<StatisticalReport>(report, true, out var r) || int.TryParse(report, out _) || Format(format) is not { } fmt
            ? Task.FromResult(Results.NotFound())
            : FileAsync(() => sender.Send(new ExportStatisticalReportQuery(r, Int(year) ?? 0, Int(month) ?? 0, fmt), cancellationToken));

    private static Task<IResult> ExportProjectionAsync(string format, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        if (Format(format) is not { } fmt)
            return Task.FromResult(Results.NotFound());
        var query = http.Request.Query;
        decimal? Dec(string name) =>
            decimal.TryParse(query[name].ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
        var overrides = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (key.StartsWith(ProjectionParameterPrefix, StringComparison.Ordinal)
                && decimal.TryParse(value.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
                overrides[key[ProjectionParameterPrefix.Length..]] = v;
        }

        var projection = new ProjectFundQuery(Int(query["years"]) ?? 3, Int(query["base"]), Dec("insured"), Dec("contribution"),
            Dec("beneficiaries"), Dec("cost"), overrides, query["moderate"] == "1");
        return FileAsync(() => sender.Send(new ExportProjectionQuery(projection, fmt), cancellationToken));
    }

    private static ReportFormat? Format(string format) => format switch
    {
        "xlsx" => ReportFormat.Xlsx,
        "csv" => ReportFormat.Csv,
        "pdf" => ReportFormat.Pdf,
        _ => null,
    };

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    /// <summary>The file, or 400 (invalid input, a refused projection), 403 (role); never a 500 for bad input.</summary>
    private static async Task<IResult> FileAsync(Func<Task<ReportFile>> export)
    {
        try
        {
            var file = await export();
            return new ExportResults.Download(file.Content, file.ContentType, file.FileName);
        }
        catch (ForbiddenAccessException)
        {
            return Results.Forbid();
        }
        catch (RequestValidationException invalid)
        {
            return Results.ValidationProblem(invalid.ByProperty(), detail: invalid.Message);
        }
        catch (BusinessRuleViolationException refused)
        {
            return Results.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest, title: "不能导出", type: refused.Code);
        }
    }
}
