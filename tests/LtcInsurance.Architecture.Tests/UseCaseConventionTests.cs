using System.Reflection;
using FluentValidation;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Architecture.Tests;

/// <summary>Every use case is a request + one handler + a validator in Application/&lt;Feature&gt;/&lt;UseCase&gt;/, and says who may send it.</summary>
public sealed class UseCaseConventionTests
{
    private static readonly Assembly Application = typeof(ISender).Assembly;

    private static readonly IReadOnlyList<Type> Requests = Application.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && RequestInterface(t) is not null)
        .ToList();

    [Fact]
    public void There_are_use_cases() => Assert.NotEmpty(Requests);

    [Fact]
    public void Every_request_has_exactly_one_handler_in_its_own_folder()
    {
        var problems = new List<string>();
        foreach (var request in Requests)
        {
            var contract = typeof(IRequestHandler<,>).MakeGenericType(request, RequestInterface(request)!.GetGenericArguments()[0]);
            var handlers = Application.GetTypes().Where(t => !t.IsAbstract && contract.IsAssignableFrom(t)).ToList();
            if (handlers.Count != 1)
                problems.Add($"{request.FullName}: {handlers.Count} handlers");
            else if (handlers[0].Namespace != request.Namespace)
                problems.Add($"{request.FullName}: handler {handlers[0].FullName} is in another folder");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_request_has_a_validator()
    {
        var missing = Requests
            .Where(r => !Application.GetTypes().Any(t => !t.IsAbstract && typeof(IValidator<>).MakeGenericType(r).IsAssignableFrom(t)))
            .Select(r => r.FullName).ToList();
        Assert.True(missing.Count == 0, "no validator: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_request_says_who_may_send_it()
    {
        var silent = Requests
            .Where(r => r.GetCustomAttribute<RequiresRoleAttribute>() is null && r.GetCustomAttribute<AllowAnyUserAttribute>() is null
                        && r.GetCustomAttribute<AllowAnonymousCallerAttribute>() is null)
            .Select(r => r.FullName).ToList();
        Assert.True(silent.Count == 0, "no [RequiresRole], [AllowAnyUser] or [AllowAnonymousCaller]: " + string.Join(", ", silent));
    }

    [Fact]
    public void Only_signing_in_may_be_sent_without_a_user()
    {
        var anonymous = Requests.Where(r => r.GetCustomAttribute<AllowAnonymousCallerAttribute>() is not null).Select(r => r.Name).ToList();
        // Signing in with a password, and an API client signing in with its key (checked before anyone is known).
        Assert.Equal(["AuthenticateApiKeyQuery", "SignInCommand"], anonymous.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_request_lives_in_a_feature_and_use_case_folder()
    {
        var misplaced = Requests
            .Where(r => r.Namespace is null || r.Namespace.Split('.').Length < 4 || r.Namespace.Contains(".Common", StringComparison.Ordinal))
            .Select(r => r.FullName).ToList();
        Assert.True(misplaced.Count == 0, "not in LtcInsurance.Application.<Feature>.<UseCase>: " + string.Join(", ", misplaced));
    }

    private static Type? RequestInterface(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>));
}
