package dev.chat.boot.jwt;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start in production (Spring profile {@value #PRODUCTION_PROFILE}) with the public development JWT
 * secret: anyone who has read this repository could mint a token for any user. Outside production the secret is
 * only warned about ({@link JwtAutoConfiguration#jwtKey}), so {@code ./chat up} and the tests work without
 * configuration. Too short secrets are refused in every profile ({@link JwtProperties}).
 *
 * <p>A bean factory post-processor, so that it runs before any other bean is made: the refusal is the first and
 * only error, not one after a database or broker connection failed for another reason.
 */
class JwtSecretCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String PRODUCTION_PROFILE = "prod";

    // set through EnvironmentAware: a post-processor is made before constructor injection works
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            return;
        }
        String secret = Binder.get(environment).bind("chat.security.jwt.secret", String.class).orElse(JwtProperties.DEV_SECRET);
        if (JwtProperties.DEV_SECRET.equals(secret)) {
            throw new IllegalStateException(JwtAutoConfiguration.service(environment) + ": refusing to start with Spring"
                    + " profile '" + PRODUCTION_PROFILE + "': chat.security.jwt.secret is the public development default."
                    + " Set CHAT_SECURITY_JWT_SECRET to a random secret of at least 32 bytes, the same for the gateway and"
                    + " the reader (e.g. openssl rand -base64 48)");
        }
    }
}
