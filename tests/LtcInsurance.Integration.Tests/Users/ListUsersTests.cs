using LtcInsurance.Application;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Tenants.ListTenants;
using LtcInsurance.Application.Users.ListUsers;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Integration.Tests.Users;

/// <summary>The admin pages' platform use cases over the seeded demo users: who sees whose users, and the tenant list.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ListUsersTests(PostgresFixture db)
{
    [Fact]
    public async Task A_platform_admin_sees_every_citys_users_with_their_roles()
    {
        await using var admin = await SignedInAsync("admin", tenant: null);

        var users = await admin.Send(new ListUsersQuery());

        Assert.Contains(users, u => u.UserName == "clerk.zhenjiang" && u.TenantId == TenantIds.Zhenjiang && u.Roles.Contains(Roles.Clerk));
        Assert.Contains(users, u => u.UserName == "clerk.yulin");
        Assert.All(await admin.Send(new ListUsersQuery(TenantIds.Yulin)), u => Assert.Equal(TenantIds.Yulin, u.TenantId));
    }

    [Fact]
    public async Task A_citys_own_admin_sees_only_that_citys_users_even_when_asking_for_another()
    {
        await using var admin = await SignedInAsync("admin.zhenjiang", TenantIds.Zhenjiang);

        var users = await admin.Send(new ListUsersQuery());

        Assert.NotEmpty(users);
        Assert.All(users, u => Assert.Equal(TenantIds.Zhenjiang, u.TenantId));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => admin.Send(new ListUsersQuery(TenantIds.Yulin)));
    }

    [Fact]
    public async Task Any_signed_in_user_lists_the_tenants_and_nobody_else_does()
    {
        await using var clerk = await SignedInAsync("clerk.zhenjiang", TenantIds.Zhenjiang, Roles.Clerk);
        await using var anonymous = Host(CurrentUser.Anonymous);

        var tenants = await clerk.Send(new ListTenantsQuery());

        Assert.Equal(TenantIds.All.Order(StringComparer.Ordinal), tenants.Select(t => t.Id));
        Assert.Equal("镇江市", tenants.Single(t => t.Id == TenantIds.Zhenjiang).NameZh);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => anonymous.Send(new ListTenantsQuery()));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => clerk.Send(new ListUsersQuery()));
    }

    /// <summary>The use cases acting as the demo user <paramref name="userName"/>, with their real id (as the web app knows it).</summary>
    private async Task<Services> SignedInAsync(string userName, string? tenant, params string[] roles)
    {
        await using var owner = db.OwnerContext();
        var id = await owner.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return Host(new CurrentUser(id.ToString(), userName, tenant, roles.Length == 0 ? [Roles.Admin] : roles));
    }

    private Services Host(CurrentUser user)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLtcApplication();
        services.AddLtcInfrastructure(db.AppConnectionString);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(user));
        return new Services(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    private sealed class Services(ServiceProvider provider) : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope = provider.CreateAsyncScope();

        public Task<T> Send<T>(IRequest<T> request) => _scope.ServiceProvider.GetRequiredService<ISender>().Send(request);

        public async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await provider.DisposeAsync();
        }
    }
}
