using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Persistence;

/// <summary>
/// The web nodes' shared data-protection key ring (sign-in and antiforgery cookies, circuit state) in table
/// <c>data_protection_keys</c>: platform data, read and appended by the application role, never updated or deleted
/// (migration DataProtectionKeys). A context of its own because the key ring is read before anyone is signed in, so it
/// must not go through <see cref="LtcDbContext"/>'s tenant session.
/// </summary>
public sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.HasKey(k => k.Id).HasName("pk_data_protection_keys");
            key.Property(k => k.Id).HasColumnName("id");
            key.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            key.Property(k => k.Xml).HasColumnName("xml");
        });
    }
}
