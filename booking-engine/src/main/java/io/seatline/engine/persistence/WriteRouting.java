package io.seatline.engine.persistence;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends every call of a writing {@code @Transactional} engine method that starts a transaction to the
 * {@link WritePath}, so that writes take one road whoever calls them (a host, an embedding application, a job). It
 * sits outside the transaction interceptor: the transaction then begins on the writer thread.
 */
public final class WriteRouting extends StaticMethodMatcherPointcutAdvisor {

	private final transient AnnotationTransactionAttributeSource attributes = new AnnotationTransactionAttributeSource();

	public WriteRouting(ObjectProvider<WritePath> writePath) {
		setAdvice(new Router(writePath));
		setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		if (targetClass == null || !targetClass.getName().startsWith("io.seatline.engine.")) {
			return false;
		}
		var attribute = this.attributes.getTransactionAttribute(method, targetClass);
		return attribute != null && !attribute.isReadOnly()
				&& attribute.getPropagationBehavior() == TransactionAttribute.PROPAGATION_REQUIRED;
	}

	private record Router(ObjectProvider<WritePath> writePath) implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			var path = this.writePath.getObject();
			if (path.isWriterThread() || TransactionSynchronizationManager.isActualTransactionActive()) {
				return invocation.proceed();
			}
			try {
				return path.write(() -> {
					try {
						return invocation.proceed();
					}
					catch (RuntimeException | Error ex) {
						throw ex;
					}
					catch (Throwable ex) {
						throw new CheckedFailure(ex);
					}
				});
			}
			catch (CheckedFailure ex) {
				throw ex.getCause();
			}
		}
	}

	private static final class CheckedFailure extends RuntimeException {

		CheckedFailure(Throwable cause) {
			super(cause);
		}
	}
}
