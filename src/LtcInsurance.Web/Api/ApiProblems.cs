using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Common;

namespace LtcInsurance.Web.Api;

/// <summary>One problem of a request, for problem+json's <c>errors</c> list: where (a JSON pointer, a line number), a code and a Chinese text.</summary>
public sealed record ApiError(string? Pointer, int? Line, string Code, string Detail);

/// <summary>
/// RFC 9457 problem+json answers of the REST API, always with a Chinese <c>detail</c> and, where the request had problems,
/// an <c>errors</c> list that names every one at once.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static IResult Problem(int status, string detail, string? code = null, IReadOnlyList<ApiError>? errors = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (code is not null)
            extensions["code"] = code;
        if (errors is { Count: > 0 })
            extensions["errors"] = errors;
        return Results.Problem(detail: detail, statusCode: status, title: TitleOf(status), extensions: extensions);
    }

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, detail, "unauthorized");

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, detail, "forbidden");

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, detail, "not_found");

    public static IResult BadRequest(string detail, IReadOnlyList<ApiError>? errors = null) =>
        Problem(StatusCodes.Status400BadRequest, detail, "malformed_request", errors);

    public static IResult NotEnabled(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, detail, "not_enabled");

    /// <summary>A refusal a use case said in Chinese, as the problem it stands for; null when <paramref name="failure"/> is a fault.</summary>
    public static IResult? Of(Exception failure) => failure switch
    {
        RequestValidationException invalid => Problem(StatusCodes.Status422UnprocessableEntity, invalid.Message, "invalid_request",
            [.. invalid.Problems.Select(p => new ApiError(Pointer(p.Property), LineOf(p.Property), "invalid", p.Message))]),
        ForbiddenAccessException forbidden => Forbidden(forbidden.Message),
        BusinessRuleViolationException broken => Problem(StatusCodes.Status422UnprocessableEntity, broken.Message, broken.Code),
        BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Problem(StatusCodes.Status413PayloadTooLarge, $"请求内容过大：不能超过 {ApiServiceCollectionExtensions.MaxRequestBodyBytes / 1024} KiB。", "payload_too_large")
            : BadRequest("请求无法读取：" + Chinese(bad)),
        _ => null,
    };

    /// <summary>Chinese title by status: the same words the error pages use.</summary>
    public static string TitleOf(int status) => status switch
    {
        400 => "请求格式不正确",
        401 => "未认证",
        403 => "无权访问",
        404 => "未找到",
        405 => "不支持的请求方法",
        409 => "请求冲突",
        413 => "请求内容过大",
        415 => "不支持的内容类型",
        422 => "请求内容有误",
        429 => "请求过于频繁",
        503 => "服务暂不可用",
        _ => status >= 500 ? "服务器内部错误" : "请求未能完成",
    };

    /// <summary>A Chinese detail for a status the framework answered without one (an unknown path, a wrong method).</summary>
    public static string DetailOf(int status) => status switch
    {
        400 => "请求格式不正确。",
        401 => "请提供有效的 API 密钥（Authorization: Bearer <密钥> 或 X-Api-Key）。",
        403 => "无权访问此资源。",
        404 => "没有这个接口或资源。",
        405 => "此接口不支持该请求方法。",
        413 => "请求内容过大。",
        415 => "请求内容类型应为 application/json。",
        429 => "请求过于频繁，请稍后再试。",
        _ => status >= 500 ? "服务器处理请求时出错，请稍后再试；问题已记录。" : "请求未能完成。",
    };

    private static string Chinese(BadHttpRequestException bad) =>
        bad.StatusCode == StatusCodes.Status408RequestTimeout ? "读取请求超时。" : "请求内容不完整或格式错误。";

    /// <summary><c>Lines[2].Day</c> → <c>/lines/2/day</c>.</summary>
    private static string? Pointer(string property)
    {
        if (string.IsNullOrEmpty(property))
            return null;
        var parts = property.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Join('/', parts.Select(p => p.Length > 0 && char.IsUpper(p[0]) ? char.ToLowerInvariant(p[0]) + p[1..] : p));
    }

    /// <summary><c>Lines[2].Day</c> → line 3 (lines are numbered from 1).</summary>
    private static int? LineOf(string property)
    {
        const string prefix = "Lines[";
        if (!property.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var end = property.IndexOf(']', StringComparison.Ordinal);
        return end > prefix.Length && int.TryParse(property.AsSpan(prefix.Length, end - prefix.Length), out var index) ? index + 1 : null;
    }
}
