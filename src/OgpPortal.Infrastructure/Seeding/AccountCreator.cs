using Microsoft.AspNetCore.Identity;
using OgpPortal.Infrastructure.Identity;

namespace OgpPortal.Infrastructure.Seeding;

/// <summary>Creates a confirmed account in one role; used by the demo data and by the create-admin command.</summary>
public sealed class AccountCreator(UserManager<ApplicationUser> users, TimeProvider clock)
{
    public async Task<(IdentityResult Result, ApplicationUser? User)> CreateAsync(string email, string displayName, string role, string password)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return (IdentityResult.Failed(new IdentityError { Code = "DuplicateEmail", Description = $"An account for {email} already exists." }), null);
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (created, null);
        }

        var inRole = await users.AddToRoleAsync(user, role);
        return (inRole, inRole.Succeeded ? user : null);
    }
}
