import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/**
 * A modal dialog on React Aria: focus is trapped while open and returns to the trigger on close,
 * Escape closes, and the heading names the dialog. `size="wide"` suits reading a whole text.
 */
export function ModalDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  size = 'normal',
}: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  size?: 'normal' | 'wide';
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
    >
      <Modal className={size === 'wide' ? 'modal modal--wide' : 'modal'}>
        <Dialog className="dialog">
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
