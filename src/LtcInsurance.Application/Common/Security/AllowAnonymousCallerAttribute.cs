namespace LtcInsurance.Application.Common.Security;

/// <summary>
/// Nobody need be signed in to send the request: only signing in itself. Everything else states a role
/// (<see cref="RequiresRoleAttribute"/>) or at least a signed-in user (<see cref="AllowAnyUserAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AllowAnonymousCallerAttribute : Attribute;
