using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtcInsurance.Web.Api;

/// <summary>
/// Reads a JSON request body into <typeparamref name="T"/> or says in Chinese why not, as a problem to answer: 415 for
/// another content type, 413 past the size limit, 400 for malformed JSON, a wrong type or an unknown field (with the
/// JSON path and line in <c>errors</c>). Bodies are read by the endpoints, not bound by the framework, so no malformed
/// body can reach the framework's own (English, sometimes exception-throwing) binder.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        MaxDepth = 16,
        RespectNullableAnnotations = true,
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "请求内容类型应为 application/json（UTF-8）。", "unsupported_media_type"));
        if (request.ContentLength > ApiServiceCollectionExtensions.MaxRequestBodyBytes)
            return (null, ApiProblems.Of(new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge)));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null
                ? (null, ApiProblems.BadRequest("请求内容为空：应为一个 JSON 对象。"))
                : (value, null);
        }
        catch (JsonException invalid)
        {
            var where = invalid.Path is { Length: > 0 } path ? path : "$";
            var line = invalid.LineNumber is { } l ? (int?)(l + 1) : null;
            return (null, ApiProblems.BadRequest($"请求内容不是有效的 JSON 或字段类型不符（位置 {where}{(line is null ? "" : $"，第 {line} 行")}）。",
                [new ApiError(Pointer(where), null, "malformed_json", "此处的值无法读取：格式错误、类型不符或字段未知。")]));
        }
        catch (BadHttpRequestException bad)
        {
            return (null, ApiProblems.Of(bad));
        }
        catch (NotSupportedException)
        {
            return (null, ApiProblems.BadRequest("请求内容不是有效的 JSON 对象。"));
        }
        catch (ArgumentException)
        {
            return (null, ApiProblems.BadRequest("请求内容不是有效的 JSON 对象。"));
        }
    }

    /// <summary><c>$.lines[2].day</c> → <c>/lines/2/day</c>.</summary>
    private static string Pointer(string jsonPath) =>
        "/" + jsonPath.TrimStart('$').Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
            .Replace("'", "", StringComparison.Ordinal).Trim('.').Replace('.', '/');
}
