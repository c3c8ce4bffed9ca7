using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpineMetsRegistry.Notifications.Smtp;
using SpineMetsRegistry.Pipeline.FollowUp.Notifications;

namespace SpineMetsRegistry.Notifications.DependencyInjection;

/// <summary>Registers the reminder notifications: the SMTP notifier bound to <c>Registry:Smtp</c>, checked when the host starts.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>Adds the notifier, its options and their validation.</summary>
    public static IServiceCollection AddReminderNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());
        services.AddOptions<ReminderNotificationOptions>().Bind(configuration.GetSection(ReminderNotificationOptions.Section));
        services.TryAddSingleton<IReminderNotifier, SmtpReminderNotifier>();
        services.TryAddSingleton<ReminderNotifications>();
        return services;
    }
}
