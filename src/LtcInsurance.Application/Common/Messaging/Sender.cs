using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Application.Common.Messaging;

/// <summary>
/// The one path into the use cases. For each request: capture the caller's user (in the caller's scope), open a scope
/// of its own for the handler (so every call has its own DbContext, never one shared across UI events), check the
/// role, run every validator, then the handler, then its post-processors (<see cref="IRequestPostProcessor{TRequest,TResponse}"/>);
/// finally record the command (and any view or export of personal data the handler noted) in the audit trail
/// (<see cref="AuditRecorder"/>), whatever the outcome.
/// </summary>
internal sealed class Sender(IServiceScopeFactory scopes, ICurrentUserSource users) : ISender
{
    private static readonly ConcurrentDictionary<Type, RequestRunner> Runners = new();

    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = users.Current;
        var runner = Runners.GetOrAdd(request.GetType(), static type =>
            (RequestRunner)Activator.CreateInstance(typeof(RequestRunner<,>).MakeGenericType(type, ResponseType(type)))!);

        AuditTrail? trail = null;
        TResponse response;
        try
        {
            Authorize(request.GetType(), user);
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<OperationContext>().User = user;
            trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            response = (TResponse)(await runner.RunAsync(request, scope.ServiceProvider, cancellationToken))!;
        }
        catch (Exception error)
        {
            // Refused, forbidden or failed: on record too (a command), then the caller hears of it as before.
            await AuditRecorder.RecordAsync(scopes, user, request, trail, error);
            throw;
        }

        await AuditRecorder.RecordAsync(scopes, user, request, trail, null, response);
        return response;
    }

    private static void Authorize(Type requestType, CurrentUser user)
    {
        var required = requestType.GetCustomAttribute<RequiresRoleAttribute>();
        if (required is null)
        {
            if (requestType.GetCustomAttribute<AllowAnonymousCallerAttribute>() is not null)
                return;
            if (requestType.GetCustomAttribute<AllowAnyUserAttribute>() is null)
                throw new InvalidOperationException($"{requestType.Name} states no role ([RequiresRole] or [AllowAnyUser]).");
            if (!user.IsAuthenticated)
                throw new ForbiddenAccessException("请先登录。");
            return;
        }

        if (!user.IsAuthenticated)
            throw new ForbiddenAccessException("请先登录。");
        if (!required.Roles.Any(user.IsInRole))
            throw new ForbiddenAccessException();
    }

    private static Type ResponseType(Type requestType) =>
        requestType.GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
            .GetGenericArguments()[0];

    private abstract class RequestRunner
    {
        public abstract Task<object?> RunAsync(object request, IServiceProvider services, CancellationToken cancellationToken);
    }

    private sealed class RequestRunner<TRequest, TResponse> : RequestRunner
        where TRequest : IRequest<TResponse>
    {
        public override async Task<object?> RunAsync(object request, IServiceProvider services, CancellationToken cancellationToken)
        {
            var typed = (TRequest)request;
            var validators = services.GetServices<IValidator<TRequest>>().ToList();
            if (validators.Count > 0)
            {
                var context = new ValidationContext<TRequest>(typed);
                var problems = new List<ValidationProblem>();
                foreach (var validator in validators)
                {
                    var result = await validator.ValidateAsync(context, cancellationToken);
                    problems.AddRange(result.Errors.Select(e => new ValidationProblem(e.PropertyName, e.ErrorMessage)));
                }

                if (problems.Count > 0)
                    throw new RequestValidationException(problems);
            }

            var handler = services.GetRequiredService<IRequestHandler<TRequest, TResponse>>();
            var response = await handler.Handle(typed, cancellationToken);
            foreach (var after in services.GetServices<IRequestPostProcessor<TRequest, TResponse>>())
                await after.ProcessAsync(typed, response, cancellationToken);
            return response;
        }
    }
}

/// <summary>The user a handler scope acts for, set by <see cref="Sender"/> when it opens the scope.</summary>
internal sealed class OperationContext
{
    public CurrentUser? User { get; set; }
}

/// <summary>Inside a handler scope: the user captured by the sender; elsewhere: the host's current user.</summary>
internal sealed class OperationCurrentUser(OperationContext operation, ICurrentUserSource source) : ICurrentUser
{
    public CurrentUser User => operation.User ?? source.Current;
}
